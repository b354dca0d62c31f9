/**
 * The pre-screen's detectors (decision 0030): pure functions from a piece of text to what a
 * 保密审查员 must look at — personal numbers with their check digits, e-mail addresses, 密级 marks
 * and the editable sensitive words. Conservative: where context is unclear a finding is raised,
 * since a missed secret is worse than a confirmation click; the exceptions are written out below
 * and pinned by the samples in detectors.test.ts.
 */
import type { FindingKind } from '../../../../shared/prescreen/contracts';

/** One thing found in a text: its kind, where in the text, the raw match and a masked excerpt. */
export interface Detection {
  kind: FindingKind;
  start: number;
  end: number;
  /** The match normalised (digits only for numbers): for the fingerprint, never stored. */
  match: string;
  /** The match in up to 8 characters of context, numbers masked in the middle. */
  excerpt: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Whether an 18-character string is a 居民身份证号码 (GB 11643-1999): a region code, a real date of
 * birth from 1900 on and the ISO 7064 MOD 11-2 check character.
 */
export function isValidIdNumber(candidate: string): boolean {
  const id = candidate.toUpperCase();
  if (!/^[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(id)) {
    return false;
  }
  const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** The Luhn check (ISO/IEC 7812) every bank card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Full-width ASCII (０-９, ＠, （）…) and the ideographic space as their ASCII forms, one character
 * for one, so positions stay those of the original text.
 */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)
  );
}

const digitsOf = (text: string) => text.replace(/[^\dXx]/g, '').toUpperCase();

/** Masks the digits of `text` between the first `keepStart` and the last `keepEnd` digits. */
export function maskMiddle(text: string, keepStart: number, keepEnd: number): string {
  const total = digitsOf(text).length;
  let seen = 0;
  return text.replace(/[\dXx]/g, (char) => {
    seen += 1;
    return seen <= keepStart || seen > total - keepEnd ? char : '*';
  });
}

const maskEmail = (email: string) => {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
};

const MASKS: Partial<Record<FindingKind, (match: string) => string>> = {
  idNumber: (match) => maskMiddle(match, 3, 2),
  bankCard: (match) => maskMiddle(match, 4, 4),
  mobile: (match) => maskMiddle(match, 3 + (/^(?:\+|00)86/.test(match) ? 2 : 0), 4),
  landline: (match) => maskMiddle(match, /^[(（]?0/.test(match) ? 4 : 0, 2),
  email: maskEmail,
};

const CONTEXT = 8;

/** The match in its context; numbers in the context masked too (a name beside an ID stays). */
function excerptOf(text: string, start: number, end: number, kind: FindingKind): string {
  const mask = MASKS[kind] ?? ((match: string) => match);
  const maskRuns = (part: string) => part.replace(/\d{5,}/g, (run) => maskMiddle(run, 2, 2));
  const before = maskRuns(text.slice(Math.max(0, start - CONTEXT), start));
  const after = maskRuns(text.slice(end, end + CONTEXT));
  return `${start > CONTEXT ? '…' : ''}${before}${mask(text.slice(start, end))}${after}${end + CONTEXT < text.length ? '…' : ''}`
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether position `at` lies inside a 《book title》 (or 〈…〉) of the text. */
function insideTitle(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('《', at), text.lastIndexOf('〈', at));
  const close = Math.max(text.lastIndexOf('》', at), text.lastIndexOf('〉', at));
  return open > close;
}

interface Rule {
  kind: FindingKind;
  pattern: RegExp;
  /** The group holding the finding (default: the whole match). */
  group?: number;
  /** The normalised match, or null when the candidate is not a finding after all. */
  accept?: (match: string, text: string, start: number) => string | null;
}

const MARK_WORDS = '(?:绝密|机密|秘密)';
const MARK_PHRASES = ['内部资料', '注意保存', '内部使用', '不宜公开'];

/** The rules in priority order: a later rule's match overlapping an earlier finding is dropped. */
const RULES: Rule[] = [
  {
    kind: 'idNumber',
    pattern: /(?<![\dA-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])/g,
    accept: (match) => (isValidIdNumber(digitsOf(match)) ? digitsOf(match) : null),
  },
  {
    kind: 'bankCard',
    pattern: /(?<![\d-])[3-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{4}(?:[ -]?\d{1,3})?(?![\d-])/g,
    accept: (match) => {
      const digits = digitsOf(match);
      return digits.length >= 16 && digits.length <= 19 && passesLuhn(digits) ? digits : null;
    },
  },
  {
    kind: 'mobile',
    pattern: /(?<![\d-])(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d-])/g,
    accept: (match) => digitsOf(match).slice(-11),
  },
  {
    // With an area code in brackets or before a hyphen or space; 400/800 service numbers.
    kind: 'landline',
    pattern:
      /(?<![\d-])(?:\(0\d{2,3}\) ?|0\d{2,3}[ -])[2-9]\d{6,7}(?:(?:-|转)\d{1,5})?(?!\d)|(?<![\d-])[48]00[ -]?\d{3}[ -]?\d{4}(?![\d-])/g,
    accept: (match) => digitsOf(match),
  },
  {
    // A local number without area code only when labelled as one (amounts look the same).
    kind: 'landline',
    pattern:
      /(?:电话|座机|传真|热线|Tel|TEL|tel|Fax|FAX)[.:\s]*((?:0\d{2,3})?[2-9]\d{6,7})(?![\d-])/g,
    group: 1,
    accept: (match) => digitsOf(match),
  },
  {
    kind: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    accept: (match) => match.toLowerCase(),
  },
  {
    // 秘密★1年, 机密★, 绝密 ★长期: the star makes it a mark wherever it stands.
    kind: 'classification',
    pattern: new RegExp(`${MARK_WORDS}\\s*[★☆*]`, 'g'),
    accept: (match) => match.replace(/\s/g, ''),
  },
  {
    // 密级：秘密
    kind: 'classification',
    pattern: new RegExp(`密\\s*级\\s*[:]?\\s*${MARK_WORDS}`, 'g'),
    accept: (match) => match.replace(/\s/g, ''),
  },
  {
    // 【秘密】 (机密) [绝密]
    kind: 'classification',
    pattern: new RegExp(`[【\\[(〔]\\s*${MARK_WORDS}\\s*[】\\])〕]`, 'g'),
    accept: (match) => match.replace(/\s/g, ''),
  },
  {
    // The word standing alone at the start of a line (the 密级 position of a document's head),
    // not a compound: 秘密 花园 is not 秘密花园.
    kind: 'classification',
    pattern: new RegExp(`^[ \\t]*(${MARK_WORDS})(?=$|[\\s:,，。;；、)\\]】]|级)`, 'gm'),
    group: 1,
  },
  {
    kind: 'classification',
    pattern: new RegExp(MARK_PHRASES.join('|'), 'g'),
    accept: (match, text, start) => (insideTitle(text, start) ? null : match),
  },
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Everything the pre-screen finds in one text, in order of position: a later rule's match that
 * overlaps an earlier finding is dropped (an ID number is not also a bank card). `words` are the
 * editable sensitive words, matched anywhere, case-insensitively.
 */
export function detect(text: string, words: readonly string[] = []): Detection[] {
  const normalized = normalizeWidth(text);
  const found: Detection[] = [];
  const overlaps = (start: number, end: number) =>
    found.some((other) => start < other.end && end > other.start);
  const take = (kind: FindingKind, start: number, end: number, match: string) => {
    if (overlaps(start, end)) return;
    found.push({ kind, start, end, match, excerpt: excerptOf(text, start, end, kind) });
  };
  for (const rule of RULES) {
    for (const hit of normalized.matchAll(rule.pattern)) {
      const value = hit[rule.group ?? 0];
      if (value === undefined) continue;
      const start = hit.index + (rule.group ? hit[0].indexOf(value) : 0);
      const accepted = rule.accept ? rule.accept(value, normalized, start) : value;
      if (accepted !== null) take(rule.kind, start, start + value.length, accepted);
    }
  }
  const usable = words.map((word) => normalizeWidth(word).trim()).filter(Boolean);
  if (usable.length > 0) {
    const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'gi');
    for (const hit of normalized.matchAll(pattern)) {
      take('sensitiveWord', hit.index, hit.index + hit[0].length, hit[0].toLowerCase());
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
