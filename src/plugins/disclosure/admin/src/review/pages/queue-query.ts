/** The review queue's filters as the query sent. Pure. */
export interface QueueFilters {
  /** A review state, or '' for what waits for the user. */
  state: string;
  /** A column code; ignored until it is one. */
  column: string;
  /** A division's documentId, or '' for all. */
  department: string;
}

/** The query of GET /disclosure/queue: 50 items, the filters set. */
export const queueQuery = ({ state, column, department }: QueueFilters): URLSearchParams => {
  const params = new URLSearchParams({ pageSize: '50' });
  if (state) params.set('state', state);
  if (/^[a-z0-9-]+$/.test(column)) params.set('column', column);
  if (department) params.set('department', department);
  return params;
};
