import { uploadOrigins, uploadStorage } from './storage';

const read = (settings: Record<string, string | undefined>) => (name: string) => settings[name];

describe('uploadStorage', () => {
  it.each([{}, { UPLOAD_PROVIDER: '' }, { UPLOAD_PROVIDER: 'local', S3_BUCKET: 'ignored' }])(
    'keeps the local disk for %j',
    (settings) => {
      expect(uploadStorage(read(settings))).toEqual({});
      expect(uploadOrigins(read(settings))).toEqual([]);
    }
  );

  it('fails without a bucket rather than falling back on the disk', () => {
    expect(() => uploadStorage(read({ UPLOAD_PROVIDER: 's3' }))).toThrow(
      'Upload storage: UPLOAD_PROVIDER=s3 needs S3_BUCKET, the name of the bucket to store files in.'
    );
  });

  it.each([
    [{ UPLOAD_PROVIDER: 'minio' }, 'UPLOAD_PROVIDER must be "local" (the default) or "s3"'],
    [{ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b1', S3_ENDPOINT: 'ftp://x' }, 'S3_ENDPOINT must be'],
    [{ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b1', S3_PUBLIC_URL: 'cdn' }, 'S3_PUBLIC_URL must be'],
    [{ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b1', S3_FORCE_PATH_STYLE: 'yes' }, 'true or false'],
    [{ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b1', S3_ACCESS_KEY_ID: 'k' }, 'go together'],
    [
      { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b1', S3_ACL: 'private' },
      'signed URLs are not supported',
    ],
  ])('refuses %j naming the setting', (settings, message) => {
    expect(() => uploadStorage(read(settings))).toThrow(message);
  });

  it('on AWS: the region default, virtual-hosted URLs, public-read, the SDK finds credentials', () => {
    const settings = { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'gov-files' };
    expect(uploadStorage(read(settings))).toEqual({
      provider: 'aws-s3',
      providerOptions: {
        s3Options: {
          region: 'us-east-1',
          forcePathStyle: false,
          params: { Bucket: 'gov-files', ACL: 'public-read' },
        },
      },
    });
    expect(uploadOrigins(read(settings))).toEqual([
      'https://gov-files.s3.us-east-1.amazonaws.com',
      'https://gov-files.s3.amazonaws.com',
    ]);
  });

  it('on an S3-compatible server: path style by default, keys, public URL and prefix', () => {
    const settings = {
      UPLOAD_PROVIDER: 'S3',
      S3_BUCKET: 'gov-files',
      S3_REGION: 'cn-north-1',
      S3_ENDPOINT: 'http://minio.intranet:9000/',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PUBLIC_URL: 'https://files.example.gov.cn/gongkai/',
      S3_ROOT_PATH: '/gongkai/',
      S3_ACL: 'none',
    };
    expect(uploadStorage(read(settings))).toEqual({
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: 'https://files.example.gov.cn/gongkai',
        rootPath: 'gongkai',
        s3Options: {
          region: 'cn-north-1',
          endpoint: 'http://minio.intranet:9000',
          forcePathStyle: true,
          credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
          params: { Bucket: 'gov-files', ACL: '' },
        },
      },
    });
    expect(uploadOrigins(read(settings))).toEqual(['https://files.example.gov.cn']);
    expect(uploadOrigins(read({ ...settings, S3_PUBLIC_URL: '' }))).toEqual([
      'http://minio.intranet:9000',
    ]);
    expect(
      uploadOrigins(read({ ...settings, S3_PUBLIC_URL: '', S3_FORCE_PATH_STYLE: 'false' }))
    ).toEqual(['http://gov-files.minio.intranet:9000']);
  });
});
