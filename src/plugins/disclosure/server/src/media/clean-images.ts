/**
 * Every image that enters the media library is stored without its metadata (decision 0029):
 * a phone photo's EXIF carries where it was taken (GPS), when, and with which device; XMP and
 * IPTC can carry names. Strapi's size optimisation happens to drop them, but an administrator may
 * switch it off, and then the original is stored and served as uploaded.
 *
 * Enforced in the upload service's `upload` and `replace`, before Strapi reads the file: the
 * admin media library, the content API and scripts (the Art. 44 conversion) all pass there. The
 * image is decoded, turned upright by its EXIF orientation, and written again in its own format
 * with no metadata at all; Strapi then optimises (or not) and derives its formats (thumbnail,
 * small…) from the clean file. An image that cannot be decoded is refused, and nothing of the
 * request is stored.
 */
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** A file as the upload service takes it (formidable's, or a script's plain object). */
interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  /** Set by Strapi's security check from the bytes, when it could tell. */
  detectedMimeType?: string | null;
  size: number;
}

/**
 * How each raster format is written again: the same format, at the quality Strapi itself uses
 * when it re-encodes without size optimisation (its auto-orientation), so that an administrator
 * who switched optimisation off loses as little as a re-encode can. sharp writes no metadata
 * unless asked (no keepExif / keepMetadata / withMetadata here), and converts the pixels to sRGB
 * first, so dropping the ICC profile keeps the colours right.
 */
const REWRITE: Record<string, (image: Sharp, metadata: Metadata) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 100 }),
  png: (image, metadata) => image.png({ palette: metadata.isPalette }),
  webp: (image) => image.webp({ quality: 100 }),
  tiff: (image) => image.tiff({ quality: 100 }),
  gif: (image) => image.gif(),
  // sharp names AVIF "heif"; a HEIC photo (HEVC) has no decoder in sharp and is refused below.
  heif: (image) => image.avif({ quality: 100 }),
  avif: (image) => image.avif({ quality: 100 }),
};

/** SVG is text, not pixels: nothing to re-encode (and config/plugins.ts denies it). */
const NOT_RASTER = new Set(['svg']);

function refusal(file: IncomingFile): errors.ValidationError {
  const name = file.originalFilename ?? path.basename(file.filepath);
  return new errors.ValidationError(
    `图片“${name}”无法读取，未保存：文件已损坏，或其格式无法清除元数据（如 HEIC）。请转换为 JPEG 或 PNG 后重新上传。` +
      ` / The image "${name}" cannot be read and was not stored: the file is damaged, or its format cannot be cleaned of metadata (e.g. HEIC). Convert it to JPEG or PNG and upload it again.`,
    { key: 'files', file: name }
  );
}

/** Whether the upload says it is a raster image (its detected type, else its declared one). */
function claimsRasterImage(file: IncomingFile): boolean {
  const mime = (file.detectedMimeType || file.mimetype || '').toLowerCase();
  return mime.startsWith('image/') && mime !== 'image/svg+xml';
}

/**
 * Rewrites `file` in `dir` without metadata and points it there; leaves files that are not raster
 * images as they are. Throws a ValidationError for an image sharp cannot decode.
 */
export async function cleanImage(file: IncomingFile, dir: string, index: number): Promise<void> {
  let metadata: Metadata | null = null;
  try {
    metadata = await sharp(file.filepath).metadata();
  } catch {
    // Not an image sharp knows: fine for a PDF, a refusal for something that says it is an image.
  }
  const format = metadata?.format;
  if (format && NOT_RASTER.has(format)) return;
  const rewrite = format ? REWRITE[format] : undefined;
  if (!metadata || !rewrite) {
    if (claimsRasterImage(file)) throw refusal(file);
    return;
  }
  const target = path.join(dir, `${index}-clean${path.extname(file.originalFilename ?? '')}`);
  try {
    const animated = (metadata.pages ?? 1) > 1;
    let image = sharp(file.filepath, { animated });
    // The orientation tag goes with the rest of the EXIF: turn the pixels upright first.
    if (metadata.orientation && metadata.orientation !== 1) image = image.rotate();
    const written = await rewrite(image, metadata).toFile(target);
    file.filepath = target;
    file.size = written.size;
  } catch {
    // Readable headers over undecodable pixels (a truncated photo, a HEIC).
    throw refusal(file);
  }
}

/** Cleans every file of one upload call in a directory of its own; returns that directory. */
async function cleanAll(files: IncomingFile | IncomingFile[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'disclosure-clean-'));
  try {
    const list = Array.isArray(files) ? files : [files];
    // One after another: decoding is the costly part and the upload plugin runs sharp serially.
    for (const [index, file] of list.entries()) await cleanImage(file, dir, index);
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

type UploadService = {
  upload(input: { data?: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown): unknown;
  replace(id: unknown, input: { data?: unknown; file: IncomingFile }, opts?: unknown): unknown;
};

/**
 * Registered from the plugin's register(), before the upload service is first built: every
 * `upload` and `replace` gets clean files.
 */
export function cleanImagesOnUpload(strapi: Core.Strapi): void {
  strapi.get('services').extend('plugin::upload.upload', (service: UploadService) => {
    const { upload, replace } = service;
    return Object.assign(service, {
      async upload(
        input: { data?: unknown; files: IncomingFile | IncomingFile[] },
        opts?: unknown
      ) {
        const dir = await cleanAll(input.files);
        try {
          return await upload.call(service, input, opts);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
      async replace(id: unknown, input: { data?: unknown; file: IncomingFile }, opts?: unknown) {
        const dir = await cleanAll(input.file);
        try {
          return await replace.call(service, id, input, opts);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    });
  });
}
