/**
 * Reads the text of an attached file for the pre-screen (decision 0030): PDF with pdf.js
 * (pdfjs-dist, in a worker thread: it is an ES module, and a hostile file must not hold the server
 * up), DOCX with mammoth, XLSX with exceljs, image metadata with exifr, plain text as UTF-8.
 * Anything else, and any file that fails to open, is answered as unreadable with the reason — the
 * pre-screen makes that a finding, so no file passes unread.
 */
import { readFile } from 'fs/promises';
import path from 'path';
import { Worker } from 'worker_threads';
import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import exifr from 'exifr';
import mammoth from 'mammoth';
import type { AttachedFile, Segment } from '../domain/segments';

/** A file's texts (each with its page, paragraph, cell or tag) and the GPS positions it holds. */
export type FileReading =
  | { ok: true; segments: Segment[]; positions: Array<{ latitude: number; longitude: number }> }
  | { ok: false; reason: string };

type Format = 'pdf' | 'docx' | 'xlsx' | 'image' | 'text';

const PDF_TIMEOUT_MS = 30_000;

/** The format the file claims by its type and extension, or null when none is read. */
function claimedFormat(file: AttachedFile): Format | null {
  const ext = (file.ext ?? path.extname(file.name)).toLowerCase();
  const mime = file.mime.toLowerCase();
  if (mime === 'application/pdf' || ext === '.pdf') return 'pdf';
  if (mime.includes('wordprocessingml.document') || ext === '.docx') return 'docx';
  if (mime.includes('spreadsheetml.sheet') || ext === '.xlsx') return 'xlsx';
  if (/^image\/(jpeg|png|tiff|heic|heif|avif)$/.test(mime)) return 'image';
  if (mime === 'text/plain' || mime === 'text/csv' || ext === '.txt' || ext === '.csv') {
    return 'text';
  }
  return null;
}

/** Whether the bytes begin as the claimed format's files do. */
function looksLike(format: Format, bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8);
  switch (format) {
    case 'pdf':
      return bytes.indexOf('%PDF-') >= 0 && bytes.indexOf('%PDF-') < 1024;
    case 'docx':
    case 'xlsx':
      return head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    case 'image':
      return (
        head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
        head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ||
        head.subarray(0, 4).equals(Buffer.from('II*\0', 'latin1')) ||
        head.subarray(0, 4).equals(Buffer.from('MM\0*', 'latin1')) ||
        head.subarray(4, 8).equals(Buffer.from('ftyp', 'latin1'))
      );
    default:
      return true;
  }
}

/** pdf.js in a worker: page texts, or the error's name and message. */
const PDF_WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { pathToFileURL } = require('url');
(async () => {
  try {
    const pdfjs = await import(pathToFileURL(workerData.lib).href);
    const document = await pdfjs.getDocument({
      data: new Uint8Array(workerData.bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    const pages = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => (item.str || '') + (item.hasEOL ? '\\n' : '')).join(''));
    }
    await document.destroy();
    parentPort.postMessage({ pages });
  } catch (error) {
    parentPort.postMessage({ error: { name: error && error.name, message: String(error && error.message) } });
  }
})();
`;

function pdfPages(bytes: Buffer): Promise<{ pages?: string[]; error?: { name: string } }> {
  return new Promise((resolve) => {
    const worker = new Worker(PDF_WORKER, {
      eval: true,
      workerData: { lib: require.resolve('pdfjs-dist/legacy/build/pdf.mjs'), bytes },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ error: { name: 'Timeout' } });
    }, PDF_TIMEOUT_MS);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message as { pages?: string[]; error?: { name: string } });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ error: { name: error.name } });
    });
  });
}

async function readPdf(bytes: Buffer): Promise<FileReading> {
  const { pages, error } = await pdfPages(bytes);
  if (error || !pages) {
    const reason =
      error?.name === 'PasswordException'
        ? 'PDF 已加密，无法读取'
        : error?.name === 'Timeout'
          ? 'PDF 读取超时'
          : 'PDF 已损坏或格式无效，无法读取';
    return { ok: false, reason };
  }
  if (pages.every((text) => !text.trim())) {
    return { ok: false, reason: 'PDF 没有文字层（可能是扫描件），请人工检查' };
  }
  return {
    ok: true,
    positions: [],
    segments: pages
      .map((text, index) => ({ text, location: { field: '', page: index + 1 } }))
      .filter((segment) => segment.text.trim()),
  };
}

const paragraphs = (text: string): Segment[] =>
  text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line, index) => ({ text: line, location: { field: '', paragraph: index + 1 } }));

async function readDocx(bytes: Buffer): Promise<FileReading> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return { ok: true, positions: [], segments: paragraphs(value) };
}

async function readXlsx(bytes: Buffer): Promise<FileReading> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const segments: Segment[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const text = cell.text;
        if (text && text.trim()) {
          segments.push({ text, location: { field: '', sheet: sheet.name, cell: cell.address } });
        }
      });
    });
  });
  return { ok: true, positions: [], segments };
}

async function readImage(bytes: Buffer): Promise<FileReading> {
  const tags = (await exifr.parse(bytes, {
    tiff: true,
    exif: true,
    gps: true,
    xmp: true,
    iptc: true,
    mergeOutput: true,
  })) as Record<string, unknown> | undefined;
  if (!tags) return { ok: true, positions: [], segments: [] };
  const { latitude, longitude } = tags;
  const positions =
    typeof latitude === 'number' && typeof longitude === 'number' ? [{ latitude, longitude }] : [];
  const segments = Object.entries(tags)
    .filter(([, value]) => typeof value === 'string' && value.trim())
    .map(([tag, value]) => ({ text: value as string, location: { field: '', tag } }));
  return { ok: true, positions, segments };
}

const READERS: Record<Format, (bytes: Buffer) => Promise<FileReading>> = {
  pdf: readPdf,
  docx: readDocx,
  xlsx: readXlsx,
  image: readImage,
  text: async (bytes) => ({
    ok: true,
    positions: [],
    segments: paragraphs(bytes.toString('utf8')),
  }),
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The file's bytes: from the public folder (local provider) or its URL (a cloud provider). */
  const bytesOf = async (file: AttachedFile): Promise<Buffer> => {
    if (/^https?:\/\//.test(file.url)) {
      const response = await fetch(file.url, { signal: AbortSignal.timeout(20_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    }
    const root = path.resolve(strapi.dirs.static.public);
    const local = path.resolve(root, `.${file.url.split('?')[0]}`);
    if (!local.startsWith(root + path.sep)) throw new Error('outside the public folder');
    return readFile(local);
  };

  return {
    /**
     * The texts and GPS positions of an attached file, or why it cannot be read (unsupported
     * type, content that is not what the type claims, encrypted, corrupt, missing).
     */
    async read(file: AttachedFile): Promise<FileReading> {
      const format = claimedFormat(file);
      if (!format) {
        return { ok: false, reason: `不支持读取此类文件（${file.mime}），请人工检查` };
      }
      let bytes: Buffer;
      try {
        bytes = await bytesOf(file);
      } catch {
        return { ok: false, reason: '文件无法取得' };
      }
      if (!looksLike(format, bytes)) {
        return { ok: false, reason: `文件内容与其类型（${format.toUpperCase()}）不符，无法读取` };
      }
      try {
        return await READERS[format](bytes);
      } catch {
        return { ok: false, reason: `${format.toUpperCase()} 已损坏或格式无效，无法读取` };
      }
    },
  };
};
