/** Query keys whose strings name fields or relations (elsewhere a string is a value). */
const NAMING = new Set(['populate', 'fields', 'sort']);

/**
 * Whether a media library query asks which items use a file: the file's `related` (a morph
 * relation listing every entry row using it, drafts of any division included) named anywhere —
 * populate, filters, sort, fields — or a `*` populate on files, which includes it. `filesLevel`:
 * the query is about files (GET /upload/files); under a folder, `files` leads to that level.
 */
export function asksForUses(query: unknown, filesLevel: boolean, naming = false): boolean {
  if (typeof query === 'string') {
    if (!naming) return false;
    return query
      .split(',')
      .map((part) => part.trim())
      .some(
        (name) => name === 'related' || name.startsWith('related.') || (filesLevel && name === '*')
      );
  }
  if (!query || typeof query !== 'object') return false;
  return Object.entries(query as Record<string, unknown>).some(([key, value]) => {
    if (key === 'related' || (filesLevel && key === '*')) return true;
    // A list stays where it is; `populate` stays on its level; `files` goes down to the files.
    const list = /^\d+$/.test(key);
    const level = key === 'files' || (filesLevel && (list || key === 'populate'));
    return asksForUses(value, level, NAMING.has(key) || key === 'files' || (naming && list));
  });
}
