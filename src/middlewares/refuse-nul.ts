import { errors } from '@strapi/utils';

/**
 * A NUL character has no place in a URL, a query or a JSON body, and PostgreSQL cannot store or
 * compare one: it answers with an encoding error (a 500) wherever one reaches a query. Any request
 * carrying one — in the path, a query key or value, or a parsed body field — is a 400 before a
 * route runs, on the content API, the admin API and the Content Manager alike. Uploaded files are
 * not text and are not looked at.
 */
export default () =>
  async (
    ctx: { path: string; query: unknown; request: { body?: unknown } },
    next: () => Promise<void>
  ) => {
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      throw new errors.ValidationError('The URL is not validly encoded.', { param: 'path' });
    }
    if (path.includes('\0')) refuse('the URL', { param: 'path' });
    const param = findNul(ctx.query);
    if (param !== undefined) refuse(`the query parameter "${param}"`, { param });
    const field = findNul(ctx.request.body);
    if (field !== undefined) refuse(`the field "${field}"`, { field });
    await next();
  };

function refuse(where: string, details: Record<string, string>): never {
  throw new errors.ValidationError(
    `A NUL character (\\u0000) is not allowed in ${where}.`,
    details
  );
}

/** The path of the first key or string holding a NUL, or undefined. Iterative: bodies can nest deep. */
function findNul(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\0')) return path;
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}[${key}]` : key;
        if (key.includes('\0')) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}
