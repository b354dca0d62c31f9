/**
 * Images enter the media library without their metadata, whatever its "Size optimization"
 * setting says: no EXIF, no GPS position, no XMP in the stored original nor in any format, and
 * the picture upright; an image that cannot be read is refused and nothing is stored
 * (issue #14, part 3; decision 0029).
 */
import { readdir, readFile } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import exifr from 'exifr';
import sharp from 'sharp';
import request from 'supertest';
import { createApiToken } from '../helpers/content';
import { staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const FILE = 'plugin::upload.file';

/** Where the photo was taken (沈阳, 41.8° N 123.42° E), and who and what took it. */
const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '41/1 48/1 0/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '123/1 25/1 0/1',
};
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>' +
  '<rdf:li>Zhang San</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
const MAKE = 'TestPhoneMaker';

/** Every kind of metadata exifr reads (the image header chunks aside). */
const EVERY_SEGMENT = {
  tiff: true,
  exif: true,
  gps: true,
  interop: true,
  ifd1: true,
  xmp: true,
  iptc: true,
  icc: true,
  ihdr: false,
  jfif: false,
};

/** A 1200×600 landscape photo, stored sideways with Orientation 6: upright it is 600×1200. */
const sidewaysJpeg = () =>
  sharp({ create: { width: 1200, height: 600, channels: 3, background: '#c83c1e' } })
    .jpeg()
    .withExif({
      IFD0: { Make: MAKE },
      IFD2: { DateTimeOriginal: '2018:06:01 10:00:00' },
      IFD3: GPS,
    })
    .withXmp(XMP)
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** A 1200×600 PNG with EXIF (GPS included) and XMP. */
const taggedPng = () =>
  sharp({ create: { width: 1200, height: 600, channels: 4, background: '#1e64c8' } })
    .png()
    .withExif({ IFD0: { Make: MAKE }, IFD3: GPS })
    .withXmp(XMP)
    .toBuffer();

let app: TestApp;
let admin: StaffLogin;
let jpeg: Buffer;
let png: Buffer;

interface StoredFile {
  id: number;
  url: string;
  width: number;
  height: number;
  formats: Record<string, { url: string; width: number; height: number }> | null;
}

const publicDir = () => app.strapi.dirs.static.public;
const onDisk = (url: string) => readFile(path.join(publicDir(), url));

async function setOptimisation(sizeOptimization: boolean) {
  await request(app.http)
    .put('/upload/settings')
    .set('Authorization', `Bearer ${admin.token}`)
    .send({ sizeOptimization, responsiveDimensions: true, autoOrientation: false })
    .expect(200);
}

function upload(content: Buffer, filename: string, contentType: string) {
  return request(app.http)
    .post('/upload')
    .set('Authorization', `Bearer ${admin.token}`)
    .attach('files', content, { filename, contentType });
}

/** The original and every format of a stored file, read back from the disk. */
async function storedImages(file: StoredFile) {
  const images = [{ key: 'original', url: file.url, width: file.width, height: file.height }];
  for (const [key, format] of Object.entries(file.formats ?? {})) images.push({ key, ...format });
  return Promise.all(images.map(async (image) => ({ ...image, bytes: await onDisk(image.url) })));
}

/** Asserts that the bytes carry no metadata at all and are upright (no orientation tag). */
async function expectClean(key: string, bytes: Buffer) {
  const metadata = await sharp(bytes).metadata();
  expect({ key, exifr: await exifr.parse(bytes, EVERY_SEGMENT) }).toEqual({
    key,
    exifr: undefined,
  });
  expect({ key, gps: await exifr.gps(bytes) }).toEqual({ key, gps: undefined });
  expect({
    key,
    exif: metadata.exif,
    xmp: metadata.xmp,
    iptc: metadata.iptc,
    orientation: metadata.orientation,
  }).toEqual({ key, exif: undefined, xmp: undefined, iptc: undefined, orientation: undefined });
  expect({ key, make: bytes.includes(MAKE), creator: bytes.includes('Zhang San') }).toEqual({
    key,
    make: false,
    creator: false,
  });
}

beforeAll(async () => {
  app = await bootApp();
  admin = await staffLogin(app.strapi, app.http, {
    email: 'media-admin@test',
    role: 'strapi-super-admin',
  });
  jpeg = await sidewaysJpeg();
  png = await taggedPng();
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the fixtures carry what a phone photo carries', () => {
  it('a JPEG with GPS, EXIF, XMP and Orientation 6; a PNG with GPS, EXIF and XMP', async () => {
    expect(await exifr.gps(jpeg)).toEqual({ latitude: 41.8, longitude: expect.closeTo(123.4167) });
    expect(await exifr.gps(png)).toEqual({ latitude: 41.8, longitude: expect.closeTo(123.4167) });
    const [jpegMeta, pngMeta] = await Promise.all([sharp(jpeg).metadata(), sharp(png).metadata()]);
    expect(jpegMeta).toMatchObject({ width: 1200, height: 600, orientation: 6 });
    expect(jpegMeta.xmp).toBeDefined();
    expect(pngMeta.xmp).toBeDefined();
    expect(jpeg.includes(MAKE) && png.includes(MAKE)).toBe(true);
  });
});

describe.each([
  ['on', true],
  ['off', false],
])('with size optimisation %s', (_label, sizeOptimization) => {
  beforeAll(() => setOptimisation(sizeOptimization));

  it('a JPEG photo is stored upright, and neither it nor any format keeps GPS, EXIF or XMP', async () => {
    const response = await upload(jpeg, '现场照片.jpg', 'image/jpeg').expect(201);
    const [file] = response.body as StoredFile[];
    const images = await storedImages(file);
    for (const image of images) await expectClean(image.key, image.bytes);
    expect({ width: file.width, height: file.height }).toEqual({ width: 600, height: 1200 });
    expect(images.map((image) => image.key).sort()).toEqual(
      ['large', 'medium', 'original', 'small', 'thumbnail'].sort()
    );
    for (const image of images) {
      const { width, height } = await sharp(image.bytes).metadata();
      // Upright everywhere: portrait, as recorded in the file entry.
      expect({ key: image.key, portrait: height > width }).toEqual({
        key: image.key,
        portrait: true,
      });
      expect({ key: image.key, width, height }).toEqual({
        key: image.key,
        width: image.width,
        height: image.height,
      });
    }
  });

  it('a PNG keeps no GPS, EXIF or XMP in its original nor its formats', async () => {
    const response = await upload(png, '示意图.png', 'image/png').expect(201);
    const [file] = response.body as StoredFile[];
    const images = await storedImages(file);
    expect(images.length).toBeGreaterThan(1);
    for (const image of images) await expectClean(image.key, image.bytes);
  });
});

describe('a script uploading through the upload service (as the Art. 44 conversion does)', () => {
  it('stores the image without metadata, size optimisation off', async () => {
    await setOptimisation(false);
    const dir = await mkdtemp(path.join(tmpdir(), 'clean-images-test-'));
    try {
      const filepath = path.join(dir, 'released.jpg');
      await writeFile(filepath, jpeg);
      const [file] = (await app.strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: {},
          files: [
            {
              filepath,
              originalFilename: 'released.jpg',
              mimetype: 'image/jpeg',
              size: jpeg.length,
            },
          ],
        })) as StoredFile[];
      for (const image of await storedImages(file)) await expectClean(image.key, image.bytes);
      expect({ width: file.width, height: file.height }).toEqual({ width: 600, height: 1200 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the content API (a full-access token: the only caller it admits)', () => {
  it('stores the image without metadata, size optimisation off', async () => {
    await setOptimisation(false);
    const token = await createApiToken(app.strapi, 'full-access');
    const response = await request(app.http)
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', jpeg, { filename: 'api.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const [file] = response.body as StoredFile[];
    for (const image of await storedImages(file)) await expectClean(image.key, image.bytes);
    expect({ width: file.width, height: file.height }).toEqual({ width: 600, height: 1200 });
  });
});

describe('an animated GIF', () => {
  it('stays animated: both frames and their timing are kept', async () => {
    await setOptimisation(false);
    const [width, height] = [300, 200];
    const frames = Buffer.alloc(width * height * 2 * 3);
    frames.fill(0xc8, 0, width * height * 3); // a grey first frame, a black second one
    const gif = await sharp(frames, {
      raw: { width, height: height * 2, channels: 3, pageHeight: height },
    })
      .gif({ delay: [200, 300], loop: 0 })
      .toBuffer();
    const response = await upload(gif, '动图.gif', 'image/gif').expect(201);
    const [file] = response.body as StoredFile[];
    const stored = await sharp(await onDisk(file.url)).metadata();
    expect(stored).toMatchObject({ format: 'gif', pages: 2, delay: [200, 300], loop: 0 });
    expect({ width: file.width, height: file.height }).toEqual({ width, height });
  });
});

describe('a replaced image', () => {
  it('is stored without metadata too', async () => {
    await setOptimisation(false);
    const plain = await sharp({
      create: { width: 800, height: 400, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    const first = (await upload(plain, 'first.png', 'image/png').expect(201)).body[0] as StoredFile;
    const response = await request(app.http)
      .post(`/upload?id=${first.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .attach('files', png, { filename: 'second.png', contentType: 'image/png' })
      .expect(200);
    const file = response.body as StoredFile;
    for (const image of await storedImages(file)) await expectClean(image.key, image.bytes);
  });
});

describe('an image that cannot be read', () => {
  it('is refused with a reason in Chinese and English, and nothing is stored', async () => {
    await setOptimisation(false);
    const filesBefore = await app.strapi.db.query(FILE).count();
    const diskBefore = await readdir(path.join(publicDir(), 'uploads'));
    const response = await upload(
      Buffer.from('这不是一张图片 / these bytes are not a JPEG'),
      '损坏的照片.jpg',
      'image/jpeg'
    ).expect(400);
    expect(response.body.error).toMatchObject({
      name: 'ValidationError',
      message:
        '图片“损坏的照片.jpg”无法读取，未保存：文件已损坏，或其格式无法清除元数据（如 HEIC）。请转换为 JPEG 或 PNG 后重新上传。' +
        ' / The image "损坏的照片.jpg" cannot be read and was not stored: the file is damaged, or its format cannot be cleaned of metadata (e.g. HEIC). Convert it to JPEG or PNG and upload it again.',
    });
    expect(await app.strapi.db.query(FILE).count()).toBe(filesBefore);
    expect((await readdir(path.join(publicDir(), 'uploads'))).sort()).toEqual(diskBefore.sort());
  });

  it('a truncated JPEG (readable header, unreadable pixels) is refused too', async () => {
    const filesBefore = await app.strapi.db.query(FILE).count();
    const response = await upload(
      jpeg.subarray(0, Math.floor(jpeg.length / 3)),
      'truncated.jpg',
      'image/jpeg'
    ).expect(400);
    expect(response.body.error.message).toContain(
      'The image "truncated.jpg" cannot be read and was not stored'
    );
    expect(await app.strapi.db.query(FILE).count()).toBe(filesBefore);
  });

  it('a file that is no image (a PDF) is stored as it is', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const response = await upload(pdf, '答复.pdf', 'application/pdf').expect(201);
    expect(await onDisk((response.body as StoredFile[])[0].url)).toEqual(pdf);
  });
});
