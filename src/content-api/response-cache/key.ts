/** Who reads: the Public role, or any read-only API token (they may all read the same). */
export type Viewer = 'public' | 'read-only';

/**
 * Viewer, path and query; the query's parameters sorted by name, the order of a name's values
 * kept (`sort=a&sort=b` is not `sort=b&sort=a`). An absent locale is its own key (the default
 * locale's: a change of the default flushes everything).
 */
export function cacheKey(viewer: Viewer, ctx: { path: string; querystring: string }): string {
  const name = (pair: string) => {
    const raw = pair.split('=')[0];
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // A malformed escape stays as written: it is its own key.
    }
    return decoded.split('[')[0];
  };
  const pairs = ctx.querystring
    .split('&')
    .filter(Boolean)
    .map((pair, index) => ({ pair, name: name(pair), index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map(({ pair }) => pair);
  return `${viewer} ${ctx.path}?${pairs.join('&')}`;
}
