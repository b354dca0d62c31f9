/**
 * Attachments for the pre-screen tests, made by the libraries that write these formats: a PDF
 * (pdf-lib: its standard fonts draw Latin text only, so the PDF carries digits and Latin; the
 * Chinese marks ride in the DOCX and XLSX), a DOCX (docx), an XLSX (exceljs), a JPEG with GPS
 * tags (piexifjs) and files that cannot be read.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import * as piexif from 'piexifjs';

/** A PDF with one text per page. */
export async function pdfWith(pages: string[]): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = document.addPage([400, 300]);
    text.split('\n').forEach((line, index) => {
      page.drawText(line, { x: 30, y: 250 - index * 20, size: 12, font });
    });
  }
  return Buffer.from(await document.save());
}

/**
 * A PDF encrypted with a user password (the standard security handler's dictionary; no reader
 * opens it without the password, which nobody has).
 */
export async function encryptedPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([400, 300]).drawText('Tel 024-22345678', { x: 30, y: 250, size: 12, font });
  const context = document.context;
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('11'.repeat(32)),
      U: PDFHexString.of('22'.repeat(32)),
      P: -4,
    })
  );
  context.trailerInfo.ID = context.obj([
    PDFHexString.of('ab'.repeat(16)),
    PDFHexString.of('ab'.repeat(16)),
  ]);
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A DOCX with one paragraph per text. */
export async function docxWith(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/** An XLSX with the given cells of one worksheet. */
export async function xlsxWith(sheet: string, cells: Record<string, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  for (const [address, value] of Object.entries(cells)) worksheet.getCell(address).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The smallest JPEG there is (1×1, grey). */
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

/** A JPEG whose EXIF places it at latitude/longitude (degrees, minutes), with a description. */
export function jpegWithGps(
  [latDegrees, latMinutes]: [number, number],
  [lonDegrees, lonMinutes]: [number, number],
  description = 'photo'
): Buffer {
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.ImageDescription]: description },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: [
        [latDegrees, 1],
        [latMinutes, 1],
        [0, 1],
      ],
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: [
        [lonDegrees, 1],
        [lonMinutes, 1],
        [0, 1],
      ],
    },
  });
  const jpeg = Buffer.from(TINY_JPEG, 'base64').toString('binary');
  return Buffer.from(piexif.insert(exif, jpeg), 'binary');
}

/**
 * A file in the media library as the local provider stores it, written directly: the upload
 * route re-encodes images (and so may drop their EXIF) and refuses content that does not match
 * its type — what a file from an import or another provider may still be. Returns its id.
 */
export async function storedFile(
  strapi: Core.Strapi,
  name: string,
  mime: string,
  bytes: Buffer
): Promise<number> {
  const ext = path.extname(name);
  const hash = `prescreen_${Math.random().toString(36).slice(2, 10)}`;
  const url = `/uploads/${hash}${ext}`;
  await fs.mkdir(path.join(strapi.dirs.static.public, 'uploads'), { recursive: true });
  await fs.writeFile(path.join(strapi.dirs.static.public, url), bytes);
  const file = await strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash,
      ext,
      mime,
      size: bytes.length / 1000,
      url,
      provider: 'local',
      folderPath: '/',
    },
  });
  return file.id as number;
}
