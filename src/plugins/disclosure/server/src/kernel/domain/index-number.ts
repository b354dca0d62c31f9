/** 索引号 patterns: `{orgCode}/{YYYY}-{NNNNN}` by default (domain.md §2). */

export const DEFAULT_INDEX_PATTERN = '{orgCode}/{YYYY}-{NNNNN}';

const TOKEN = /\{(orgCode|YYYY|N+)\}/g;

/** Why a pattern cannot make unique, permanent numbers, or null when it can. */
export function patternProblem(pattern: string): string | null {
  const tokens = [...pattern.matchAll(TOKEN)].map((match) => match[1]);
  const unknown = pattern.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (unknown) return `unknown placeholder ${unknown[0]}; use {orgCode}, {YYYY} and {NNNNN}`;
  if (!tokens.includes('YYYY')) return 'the pattern needs {YYYY}: serials restart every year';
  if (!tokens.some((token) => token.startsWith('N')))
    return 'the pattern needs a serial such as {NNNNN}';
  return null;
}

/** Fills a pattern; the serial is zero-padded to the width of its N run (never truncated). */
export function formatIndexNumber(
  pattern: string,
  { orgCode, year, serial }: { orgCode: string; year: number; serial: number }
): string {
  return pattern.replace(TOKEN, (_match, token: string) => {
    if (token === 'orgCode') return orgCode;
    if (token === 'YYYY') return String(year);
    return String(serial).padStart(token.length, '0');
  });
}
