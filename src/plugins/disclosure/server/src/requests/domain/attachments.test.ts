import { maxIntakeBytes } from '../../kernel/middlewares/intake-guard';
import { ATTACHMENT_RULES, checkAttachments, safeFileName } from './attachments';

const pdf = Buffer.from('%PDF-1.7\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const exe = Buffer.from('MZ\x90\x00');

describe('attachments', () => {
  it('accepts a PDF and a PNG an applicant sends', () => {
    const result = checkAttachments('application', [
      { fileName: '身份证.pdf', size: 1000, head: pdf },
      { fileName: 'scan.PNG', size: 2000, head: png },
    ]);
    expect(result).toEqual({
      accepted: [
        expect.objectContaining({ mime: 'application/pdf' }),
        expect.objectContaining({ mime: 'image/png' }),
      ],
    });
  });

  it('judges by content: a program named .pdf is refused, naming the file', () => {
    const result = checkAttachments('application', [
      { fileName: 'ok.pdf', size: 10, head: pdf },
      { fileName: 'invoice.pdf', size: 10, head: exe },
    ]);
    expect(result).toEqual({
      errors: [expect.objectContaining({ field: 'attachments[1]' })],
    });
    expect('errors' in result && result.errors[0].message).toContain('invoice.pdf');
  });

  it('refuses too many, too large, empty files and office documents from applicants', () => {
    const many = Array.from({ length: 4 }, () => ({ fileName: 'a.pdf', size: 1, head: pdf }));
    expect(checkAttachments('application', many)).toEqual({
      errors: [expect.objectContaining({ field: 'attachments' })],
    });
    const big = checkAttachments('application', [
      { fileName: 'a.pdf', size: 5 * 1024 * 1024 + 1, head: pdf },
      { fileName: 'b.pdf', size: 0, head: pdf },
      { fileName: 'c.docx', size: 10, head: Buffer.from([0x50, 0x4b, 0x03, 0x04]) },
    ]);
    expect('errors' in big && big.errors.map((error) => error.field)).toEqual([
      'attachments[0]',
      'attachments[1]',
      'attachments[2]',
    ]);
    expect(
      checkAttachments('reply', [
        { fileName: 'c.docx', size: 10, head: Buffer.from([0x50, 0x4b, 0x03, 0x04]) },
      ])
    ).toHaveProperty('accepted');
  });

  it('keeps file names safe for headers', () => {
    expect(safeFileName('C:\\fakepath\\申请"表".pdf')).toBe('申请表.pdf');
    expect(safeFileName('')).toBe('file');
  });
});

it('takes three 5 MB files and 1 MB of fields', () => {
  expect(maxIntakeBytes(ATTACHMENT_RULES.application)).toBe(16 * 1024 * 1024);
});
