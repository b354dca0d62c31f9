/** Splits a figure key `<provider>.<figure>[:<argument>]` at its first colon (arguments may hold colons). */
export const splitFigureKey = (key: string): [string, string | undefined] => {
  const colon = key.indexOf(':');
  return colon < 0 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
};
