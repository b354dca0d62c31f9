/**
 * The confidentiality pre-screen (保密预审, decision 0030): what it finds in an item before the
 * 保密审查员 reads it, as the server stores it and the review panel shows it.
 */

/** What a finding is. */
export const FINDING_KINDS = [
  'idNumber',
  'mobile',
  'landline',
  'bankCard',
  'email',
  'classification',
  'gps',
  'sensitiveWord',
  'unreadable',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The panel's names of the kinds (简体中文). */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  idNumber: '身份证号码',
  mobile: '手机号码',
  landline: '固定电话',
  bankCard: '银行卡号',
  email: '电子邮箱',
  classification: '密级标志',
  gps: '图片GPS位置',
  sensitiveWord: '敏感词',
  unreadable: '文件无法读取',
};

/** Where a finding is: a field of the item (and a block of its body), or a file and a place in it. */
export interface FindingLocation {
  /** The item's field (`title`, `body`, `metadata.docNumber`, `attachments` …). */
  field: string;
  /** 0-based index of the body block, for a blocks field. */
  block?: number;
  /** The attached file's name. */
  file?: string;
  /** 1-based page of a PDF. */
  page?: number;
  /** 1-based paragraph of a DOCX or text file. */
  paragraph?: number;
  /** Worksheet and cell of an XLSX (`Sheet1`, `B3`). */
  sheet?: string;
  cell?: string;
  /** The image metadata tag (`GPS`, `ImageDescription` …). */
  tag?: string;
}

/** A finding as the review panel lists it (the excerpt masks numbers in the middle). */
export interface Finding {
  id: number;
  kind: FindingKind;
  excerpt: string;
  location: FindingLocation;
  /** open: waits for the 保密审查员; confirmed: harmless; fixed / superseded: the item changed. */
  status: 'open' | 'confirmed' | 'fixed' | 'superseded';
  confirmedBy: string | null;
  confirmedAt: string | null;
  note: string | null;
}

/** GET /disclosure/prescreen/:contentType/:documentId?locale= */
export interface PrescreenResponse {
  data: {
    /** The hash of the version the findings belong to, or null when it was never screened. */
    contentHash: string | null;
    scannedAt: string | null;
    findings: Finding[];
    open: number;
    /** Whether this user may confirm findings (保密审查员). */
    canConfirm: boolean;
  };
}

/** The place of a finding in words, e.g. `附件 a.pdf 第2页` or `正文 第3段`. */
export function describeLocation(location: FindingLocation): string {
  const parts: string[] = [];
  if (location.file) {
    parts.push(`附件 ${location.file}`);
    if (location.page) parts.push(`第${location.page}页`);
    if (location.paragraph) parts.push(`第${location.paragraph}段`);
    if (location.sheet) parts.push(`工作表 ${location.sheet}`);
    if (location.cell) parts.push(`单元格 ${location.cell}`);
    if (location.tag) parts.push(`元数据 ${location.tag}`);
    return parts.join(' ');
  }
  parts.push(FIELD_LABELS[location.field] ?? location.field);
  if (location.block !== undefined) parts.push(`第${location.block + 1}段`);
  return parts.join(' ');
}

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  summary: '内容概述',
  body: '正文',
};

/** GET and PUT /disclosure/prescreen/sensitive-words (PUT takes `{ words }`). */
export interface SensitiveWordsResponse {
  data: { words: string[] };
}
