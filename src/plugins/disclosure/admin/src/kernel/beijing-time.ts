const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A date as given, an instant as Beijing time (YYYY-MM-DD HH:mm) whatever the browser's locale
 * and zone; text that is no date comes back unchanged.
 */
export const beijingTime = (at: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? at : BEIJING.format(instant);
};
