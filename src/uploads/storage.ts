/**
 * Where the media library keeps its files (docs/decisions/0036): on this node's disk
 * (`public/uploads`, the default) or, with `UPLOAD_PROVIDER=s3`, in an S3 bucket (AWS or an
 * S3-compatible server) that every app node shares, through `@strapi/provider-upload-aws-s3`.
 * Read from the environment by config/plugins.ts (the provider) and config/middlewares.ts (the
 * admin's Content-Security-Policy, which must let the panel show files from the bucket).
 *
 * The encrypted files of disclosure requests and replies never pass here: they are rows in the
 * database (the requests module), whatever this says.
 */

/** Reads one setting (Strapi's `env`, or a plain lookup in tests). */
export type ReadSetting = (name: string) => string | undefined;

/** The `upload` plugin settings this decides: none for the local disk. */
export interface UploadStorage {
  provider?: 'aws-s3';
  providerOptions?: {
    baseUrl?: string;
    rootPath?: string;
    s3Options: {
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      params: { Bucket: string; ACL: 'public-read' | '' };
    };
  };
}

const fail = (message: string): never => {
  throw new Error(`Upload storage: ${message}`);
};

const setting = (read: ReadSetting, name: string): string | undefined => {
  const value = read(name)?.trim();
  return value ? value : undefined;
};

function httpUrl(read: ReadSetting, name: string): URL | undefined {
  const value = setting(read, name);
  if (value === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below with the rule.
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    fail(`${name} must be an http(s) URL, not "${value}".`);
  }
  return url!;
}

function flag(read: ReadSetting, name: string, fallback: boolean): boolean {
  const value = setting(read, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail(`${name} must be true or false, not "${value}".`);
}

/** Whether the files go to S3: `UPLOAD_PROVIDER` is `s3`; unset or `local` is the disk. */
function usesS3(read: ReadSetting): boolean {
  const provider = setting(read, 'UPLOAD_PROVIDER')?.toLowerCase() ?? 'local';
  if (provider !== 'local' && provider !== 's3') {
    fail(`UPLOAD_PROVIDER must be "local" (the default) or "s3", not "${provider}".`);
  }
  return provider === 's3';
}

/**
 * The object ACL: `public-read` (the default; the provider sends it with every upload) or `none`
 * (no ACL header: for buckets with ACLs disabled, public reading granted by a bucket policy).
 * `private` (signed URLs) is refused on purpose: a signed URL expires and changes on every read,
 * so published items would carry dead links in caches, feeds and other sites, and the review
 * hash would see a different URL each time (decision 0036).
 */
function objectAcl(read: ReadSetting): 'public-read' | '' {
  const acl = setting(read, 'S3_ACL')?.toLowerCase() ?? 'public-read';
  if (acl === 'public-read') return 'public-read';
  if (acl === 'none') return '';
  return fail(
    `S3_ACL must be "public-read" (the default) or "none" (a bucket policy grants public reading), not "${acl}": ` +
      'files of published items must keep one public URL, so private objects with signed URLs are not supported.'
  );
}

/**
 * The `upload` plugin's provider settings from the environment: nothing for the local disk;
 * for S3 the bucket (`S3_BUCKET`, required: a start without it fails with this message rather
 * than quietly writing to one node's disk), `S3_REGION` (us-east-1), `S3_ENDPOINT` (an
 * S3-compatible server), `S3_FORCE_PATH_STYLE` (true when there is an endpoint),
 * `S3_ACCESS_KEY_ID` / `S3_SECRET_ACCESS_KEY` (else the AWS SDK's own chain: instance role,
 * AWS_* variables), `S3_PUBLIC_URL` (the base URL files are served from, e.g. a CDN) and
 * `S3_ROOT_PATH` (a key prefix).
 */
export function uploadStorage(read: ReadSetting): UploadStorage {
  if (!usesS3(read)) return {};
  const bucket = setting(read, 'S3_BUCKET');
  if (!bucket)
    fail('UPLOAD_PROVIDER=s3 needs S3_BUCKET, the name of the bucket to store files in.');
  const endpoint = httpUrl(read, 'S3_ENDPOINT');
  const publicUrl = httpUrl(read, 'S3_PUBLIC_URL');
  const accessKeyId = setting(read, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = setting(read, 'S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    fail('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither.');
  }
  const rootPath = setting(read, 'S3_ROOT_PATH')?.replace(/^\/+|\/+$/g, '');
  const acl = objectAcl(read);
  return {
    provider: 'aws-s3',
    providerOptions: {
      ...(publicUrl ? { baseUrl: publicUrl.href.replace(/\/+$/, '') } : {}),
      ...(rootPath ? { rootPath } : {}),
      s3Options: {
        region: setting(read, 'S3_REGION') ?? 'us-east-1',
        ...(endpoint ? { endpoint: endpoint.href.replace(/\/+$/, '') } : {}),
        forcePathStyle: flag(read, 'S3_FORCE_PATH_STYLE', Boolean(endpoint)),
        ...(accessKeyId && secretAccessKey
          ? { credentials: { accessKeyId, secretAccessKey } }
          : {}),
        // `ACL` present tells the provider not to add its own public-read; '' sends no header.
        params: { Bucket: bucket!, ACL: acl },
      },
    },
  };
}

/**
 * Where the browser fetches uploaded files from when they are not on this server: the origin of
 * `S3_PUBLIC_URL`, else the bucket's own (path-style: the endpoint; virtual-hosted: the bucket's
 * host on the endpoint or on AWS). Empty for the local disk. For the admin's CSP (img-src,
 * media-src, and connect-src for the media library's download).
 */
export function uploadOrigins(read: ReadSetting): string[] {
  const storage = uploadStorage(read).providerOptions;
  if (!storage) return [];
  if (storage.baseUrl) return [new URL(storage.baseUrl).origin];
  const { endpoint, forcePathStyle, region, params } = storage.s3Options;
  if (endpoint) {
    const url = new URL(endpoint);
    return [forcePathStyle ? url.origin : `${url.protocol}//${params.Bucket}.${url.host}`];
  }
  // AWS answers with the regional host; the provider falls back on the global one.
  return [
    `https://${params.Bucket}.s3.${region}.amazonaws.com`,
    `https://${params.Bucket}.s3.amazonaws.com`,
  ];
}
