/**
 * The media library on a bucket all app nodes share (issue #15, part 3; decision 0036): with
 * UPLOAD_PROVIDER=s3 the files uploaded over the admin API land in an S3-compatible server
 * (s3rver, started here), as the bytes uploaded or — for images — as the cleaned bytes (no EXIF,
 * no GPS), with every format; their URLs are the public base URL's (a CDN in front of the bucket,
 * here a small proxy); replacing and deleting a file removes its objects; this node's
 * public/uploads stays empty; a disclosure request's files stay in the database, encrypted, and
 * never reach the bucket; the admin's CSP lets it show the files; a missing bucket stops the start.
 */
import { readdir, readFile } from 'fs/promises';
import { mkdtempSync, rmSync } from 'fs';
import http, { type Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import path from 'path';
import exifr from 'exifr';
import S3rver from 's3rver';
import sharp from 'sharp';
import request from 'supertest';
import { columnId, createPublished } from '../helpers/content';
import { createDivisions } from '../helpers/staff';
import { staffLogin, type StaffLogin } from '../helpers/admin-login';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const BUCKET = 'gov-uploads';
const ROOT = 'gongkai';
const FILE = 'plugin::upload.file';

interface StoredFile {
  id: number;
  hash: string;
  ext: string;
  url: string;
  provider: string;
  formats: Record<string, { hash: string; ext: string; url: string }> | null;
}

let s3dir: string;
let s3: S3rver;
let s3url: string;
/** The "CDN": serves /files/<key> from the bucket, as a CDN or a reverse proxy would. */
let cdn: Server;
let cdnUrl: string;
let app: TestApp;
let admin: StaffLogin;
let uploadsBefore: string[];

/** The keys of every object in the bucket, from s3rver's own store on disk. */
async function bucketKeys(): Promise<string[]> {
  const root = path.join(s3dir, BUCKET);
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.endsWith('._S3rver_object'))
    .map((entry) => entry.slice(0, -'._S3rver_object'.length).split(path.sep).join('/'))
    .sort();
}

/** The bytes s3rver stored under `key`. */
const storedBytes = (key: string) => readFile(path.join(s3dir, BUCKET, `${key}._S3rver_object`));

/** GET over HTTP, the body as bytes. */
async function download(url: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

const keyOf = (file: { hash: string; ext: string }) => `${ROOT}/${file.hash}${file.ext}`;
const keysOf = (file: StoredFile) =>
  [file, ...Object.values(file.formats ?? {})].map((entry) => keyOf(entry)).sort();

const upload = (content: Buffer, filename: string, contentType: string) =>
  request(app.http)
    .post('/upload')
    .set('Authorization', `Bearer ${admin.token}`)
    .attach('files', content, { filename, contentType });

/** A 1200×600 photo stored sideways (Orientation 6), with GPS and the camera's make. */
const phonePhoto = () =>
  sharp({ create: { width: 1200, height: 600, channels: 3, background: '#c83c1e' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhoneMaker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '41/1 48/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '123/1 25/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

const PDF = Buffer.from(
  `%PDF-1.4\n% 备案清单 ${process.pid}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`
);

function s3Env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    UPLOAD_PROVIDER: 's3',
    S3_BUCKET: BUCKET,
    S3_REGION: 'cn-north-1',
    S3_ENDPOINT: s3url,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_PUBLIC_URL: `${cdnUrl}/files`,
    S3_ROOT_PATH: ROOT,
    S3_FORCE_PATH_STYLE: '',
    S3_ACL: '',
    ...overrides,
  };
}

beforeAll(async () => {
  s3dir = mkdtempSync(path.join(tmpdir(), 's3rver-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3.run();
  s3url = `http://127.0.0.1:${port}`;
  cdn = http.createServer((incoming, outgoing) => {
    const key = incoming.url?.startsWith('/files/') ? incoming.url.slice('/files/'.length) : null;
    if (key === null || incoming.method !== 'GET') {
      outgoing.writeHead(404).end();
      return;
    }
    http.get(`${s3url}/${BUCKET}/${key}`, (origin) => {
      outgoing.writeHead(origin.statusCode ?? 502, origin.headers);
      origin.pipe(outgoing);
    });
  });
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (app) await stopApp(app);
  await new Promise((resolve) => cdn?.close(resolve));
  await s3?.close();
  rmSync(s3dir, { recursive: true, force: true });
});

describe('a start with UPLOAD_PROVIDER=s3', () => {
  it('without S3_BUCKET fails, saying what is missing (no silent fallback on the disk)', async () => {
    await expect(bootApp({ env: s3Env({ S3_BUCKET: '' }) })).rejects.toThrow(
      'UPLOAD_PROVIDER=s3 needs S3_BUCKET, the name of the bucket to store files in.'
    );
  });

  it('with the bucket starts, the upload provider being aws-s3', async () => {
    app = await bootApp({ env: s3Env() });
    admin = await staffLogin(app.strapi, app.http, {
      email: 's3-admin@test',
      role: 'strapi-super-admin',
    });
    uploadsBefore = await readdir(path.join(app.strapi.dirs.static.public, 'uploads'));
    expect(app.strapi.config.get('plugin::upload.provider')).toBe('aws-s3');
    expect(await bucketKeys()).toEqual([]);
  });
});

describe('files uploaded through the admin API', () => {
  let pdf: StoredFile;
  let photo: StoredFile;

  beforeAll(async () => {
    // Size optimisation off: Strapi then stores the original as uploaded, so only the plugin's
    // cleaning (media module, decision 0029) keeps EXIF and GPS out of the bucket.
    await request(app.http)
      .put('/upload/settings')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ sizeOptimization: false, responsiveDimensions: true, autoOrientation: false })
      .expect(200);
  });

  it('a PDF lands in the bucket byte for byte, at the public URL', async () => {
    const response = await upload(PDF, '备案清单.pdf', 'application/pdf').expect(201);
    pdf = response.body[0];
    expect(pdf.provider).toBe('aws-s3');
    expect(pdf.url).toBe(`${cdnUrl}/files/${keyOf(pdf)}`);
    expect(await bucketKeys()).toEqual([keyOf(pdf)]);
    expect((await storedBytes(keyOf(pdf))).equals(PDF)).toBe(true);
    // Served by the bucket (through the CDN, and straight), not by Strapi.
    const served = await download(pdf.url);
    expect([served.status, served.bytes.equals(PDF)]).toEqual([200, true]);
    const direct = await download(`${s3url}/${BUCKET}/${keyOf(pdf)}`);
    expect([direct.status, direct.bytes.equals(PDF)]).toEqual([200, true]);
    await request(app.http).get(`/uploads/${pdf.hash}${pdf.ext}`).expect(404);
  });

  it('a phone photo lands cleaned (no EXIF, no GPS, upright) with every format', async () => {
    const original = await phonePhoto();
    expect(await exifr.gps(original)).toBeDefined();
    const response = await upload(original, '现场照片.jpg', 'image/jpeg').expect(201);
    photo = response.body[0];
    expect(Object.keys(photo.formats ?? {}).sort()).toEqual([
      'large',
      'medium',
      'small',
      'thumbnail',
    ]);
    const keys = keysOf(photo);
    expect(await bucketKeys()).toEqual([...keys, keyOf(pdf)].sort());
    for (const entry of [photo, ...Object.values(photo.formats ?? {})]) {
      expect(entry.url).toBe(`${cdnUrl}/files/${keyOf(entry)}`);
      const stored = await storedBytes(keyOf(entry));
      const served = await download(entry.url);
      expect({
        key: keyOf(entry),
        status: served.status,
        same: served.bytes.equals(stored),
      }).toEqual({ key: keyOf(entry), status: 200, same: true });
      const metadata = await sharp(stored).metadata();
      expect({
        key: keyOf(entry),
        exif: metadata.exif,
        orientation: metadata.orientation,
        gps: await exifr.gps(stored),
        make: stored.includes('TestPhoneMaker'),
        portrait: metadata.height! > metadata.width!,
      }).toEqual({
        key: keyOf(entry),
        exif: undefined,
        orientation: undefined,
        gps: undefined,
        make: false,
        portrait: true,
      });
    }
  });

  it('the admin CSP lets the panel show, play and download files from the public URL', async () => {
    const response = await request(app.http)
      .get('/upload/settings')
      .set('Authorization', `Bearer ${admin.token}`);
    const csp = String(response.headers['content-security-policy']);
    for (const directive of ['img-src', 'media-src', 'connect-src']) {
      const sources = csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([name]) => name === directive);
      expect({ directive, sources }).toEqual({
        directive,
        sources: expect.arrayContaining([directive, "'self'", cdnUrl]),
      });
    }
  });

  it('the website gets the bucket URL of a published item’s attachment', async () => {
    const { office } = await createDivisions(app.strapi);
    const documentId = await createPublished(app.strapi, 'api::article.article', {
      title: '附件在共享存储上的通知',
      column: await columnId(app.strapi, 'notices'),
      department: office,
      attachments: [pdf.id],
      metadata: { disclosureMode: 'proactive', docNumber: '示工信发〔2018〕9号' },
    });
    const website = await request(app.http)
      .get(`/api/articles/${documentId}?populate=attachments`)
      .expect(200);
    expect(website.body.data.attachments.map((file: StoredFile) => file.url)).toEqual([pdf.url]);
  });

  it('a replaced image: the new, cleaned bytes in the bucket, the old objects gone', async () => {
    const first = (
      await upload(
        await sharp({ create: { width: 800, height: 400, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
        'first.png',
        'image/png'
      ).expect(201)
    ).body[0] as StoredFile;
    const before = await bucketKeys();
    expect(before).toEqual(expect.arrayContaining(keysOf(first)));
    const replaced = (
      await request(app.http)
        .post(`/upload?id=${first.id}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .attach('files', await phonePhoto(), { filename: 'second.jpg', contentType: 'image/jpeg' })
        .expect(200)
    ).body as StoredFile;
    const after = await bucketKeys();
    expect(after).toEqual(
      [...before.filter((key) => !keysOf(first).includes(key)), ...keysOf(replaced)].sort()
    );
    const stored = await storedBytes(keyOf(replaced));
    expect([(await sharp(stored).metadata()).exif, await exifr.gps(stored)]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('deleting a file removes its object and every format’s from the bucket', async () => {
    const before = await bucketKeys();
    await request(app.http)
      .delete(`/upload/files/${photo.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(await bucketKeys()).toEqual(before.filter((key) => !keysOf(photo).includes(key)));
    expect((await download(photo.url)).status).toBe(404);
    expect(await app.strapi.db.query(FILE).count({ where: { id: photo.id } })).toBe(0);
  });

  it('this node’s public/uploads stays as it was', async () => {
    expect(await readdir(path.join(app.strapi.dirs.static.public, 'uploads'))).toEqual(
      uploadsBefore
    );
  });
});

describe('a disclosure request’s files', () => {
  it('are stored encrypted in the database, never in the bucket', async () => {
    const marker = `identity-scan-${process.pid}-${Date.now()}`;
    const scan = Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
    const keys = await bucketKeys();
    const filesBefore = await app.strapi.db.query(FILE).count();
    const response = await request(app.http)
      .post('/api/disclosure-requests')
      .field(
        'data',
        JSON.stringify({
          applicantType: 'natural',
          name: '李四海',
          idType: 'id_card',
          idNumber: '210102199002021234',
          phone: '13900005678',
          email: 'lisihai@example.com',
          address: '示范市沈河区青年大街2号',
          title: '2018年工业企业技术改造项目备案清单',
          form: 'electronic',
          delivery: 'email',
        })
      )
      .attach('attachments', scan, '身份证.pdf')
      .expect(201);
    expect(response.body.data).toMatchObject({ attachments: 1 });
    const stored = await app.strapi.db
      .query('plugin::disclosure.request-attachment')
      .findMany({ where: { trackingNumber: response.body.data.trackingNumber } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(marker);
    expect(await bucketKeys()).toEqual(keys);
    expect(await app.strapi.db.query(FILE).count()).toBe(filesBefore);
    for (const key of keys) expect((await storedBytes(key)).includes(marker)).toBe(false);
    expect(await readdir(path.join(app.strapi.dirs.static.public, 'uploads'))).toEqual(
      uploadsBefore
    );
  });
});
