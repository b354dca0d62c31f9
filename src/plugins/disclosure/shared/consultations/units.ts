/**
 * A draft's text split into the units the public comments on (as Decidim's participatory texts
 * and CONSUL's legislation annotations do): its articles (第X条) when it has any, else its
 * paragraphs. Each unit's anchor is stable for the consultation's life (the text is frozen once
 * announced): `art-N` for 第N条 — the article's own number, so a unit keeps its anchor when the
 * text before it changes in a redraft — and `p-N` for the N-th paragraph. Chapter and section
 * headings (第一章 总则) are not units; they head the unit that follows them. Pure.
 */
import type { DraftUnit } from './contracts';

export type UnitsResult =
  { ok: true; units: Array<DraftUnit & { heading?: string }> } | { ok: false; problem: string };

/** The most units a draft may have (a long regulation has about two hundred articles). */
export const MAX_UNITS = 500;

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零三 → 103, 12 → 12; null when it is no number. */
export function numberOf(numeral: string): number | null {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  let total = 0;
  let digit: number | null = null;
  for (const char of numeral) {
    if (char in DIGITS) digit = DIGITS[char];
    else if (char in MULTIPLIERS) {
      total += (digit ?? 1) * MULTIPLIERS[char];
      digit = null;
    } else return null;
  }
  total += digit ?? 0;
  return total > 0 ? total : null;
}

const NUMERAL = '[0-9零〇一二两三四五六七八九十百千]+';
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?:[\\s\\u3000]*)`);
const HEADING = new RegExp(`^第${NUMERAL}[编章节](?:[\\s\\u3000]|$)`);

/** The units of a draft's text, or why it has none to comment on. */
export function splitDraft(text: string): UnitsResult {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, problem: 'The draft has no text.' };
  const isArticled = lines.some((line) => ARTICLE.test(line));
  const units: Array<DraftUnit & { heading?: string }> = [];
  let heading: string | undefined;
  const push = (unit: DraftUnit) => {
    units.push(heading ? { ...unit, heading } : unit);
    heading = undefined;
  };

  if (!isArticled) {
    for (const line of lines) {
      if (HEADING.test(line)) heading = line;
      else push({ anchor: `p-${units.length + 1}`, label: `第${units.length + 1}段`, text: line });
    }
  } else {
    const seen = new Set<number>();
    for (const line of lines) {
      const article = ARTICLE.exec(line);
      if (article) {
        const number = numberOf(article[1]);
        if (number === null) return { ok: false, problem: `"${line.slice(0, 20)}" is no article.` };
        if (seen.has(number)) {
          return {
            ok: false,
            problem: `The draft has two articles numbered ${number} (第${article[1]}条).`,
          };
        }
        seen.add(number);
        push({ anchor: `art-${number}`, label: `第${article[1]}条`, text: line });
      } else if (HEADING.test(line)) {
        heading = line;
      } else if (units.length === 0) {
        // Text before the first article: the preamble (its following lines join it below).
        push({ anchor: 'preamble', label: '序言', text: line });
      } else {
        units[units.length - 1].text += `\n${line}`;
      }
    }
  }
  if (units.length === 0) return { ok: false, problem: 'The draft has only headings.' };
  if (units.length > MAX_UNITS) {
    return { ok: false, problem: `The draft has ${units.length} units; at most ${MAX_UNITS}.` };
  }
  return { ok: true, units };
}
