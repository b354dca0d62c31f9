/**
 * Staff references (who drafted, cleared, moderated … a record) as the plugin stores them: an
 * admin user's id with the user's e-mail beside it. The id is what the code compares; the e-mail
 * is the identity that survives Strapi's transfer, which keeps the plugin's records but no admin
 * users (ids are handed out again in creation order). Pure: no strapi, no I/O.
 */

/** Where a module keeps admin-user ids, declared once so the kernel can backfill and reconcile. */
export type StaffReference =
  | {
      /** A pair of columns: the id attribute and the e-mail attribute beside it. */
      kind: 'column';
      uid: string;
      id: string;
      email: string;
      /** Where it is shown to the operator in the unmatched-staff report. */
      label: string;
      /**
       * The id is covered by a hash chain (the audit trail): never rewritten, the e-mail names the
       * person, and the row writes its own e-mail (it is part of the hash).
       */
      immutable?: boolean;
    }
  | {
      /** A JSON attribute holding staff signatures (see `staffRefsIn`). */
      kind: 'json';
      uid: string;
      field: string;
      label: string;
    };

/** One signature inside a JSON value: read and rewrite its id and e-mail in place. */
export interface StaffRefSlot {
  id: number | null;
  email: string | null | undefined;
  setId(id: number | null): void;
  setEmail(email: string): void;
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idOf = (value: unknown): number | null | undefined =>
  value === null ? null : typeof value === 'number' ? value : undefined;

function slot(holder: Plain, idKey: string, emailKey: string): StaffRefSlot {
  return {
    id: idOf(holder[idKey]) ?? null,
    email: holder[emailKey] as string | null | undefined,
    setId: (id) => {
      holder[idKey] = id;
    },
    setEmail: (email) => {
      holder[emailKey] = email;
    },
  };
}

/**
 * Every staff signature in a JSON value, at any depth, by the plugin's two shapes:
 * `{ …By: { id, name, email? } }` (draftedBy, clearedBy, moderatedBy, decidedBy …) and timeline
 * steps `{ actorId, actorName, actorEmail? }`. Anything else (an enumeration named `transferredBy`,
 * a proposer's name) is left alone.
 */
export function staffRefsIn(value: unknown): StaffRefSlot[] {
  const found: StaffRefSlot[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isPlain(node)) return;
    if ('actorId' in node && idOf(node.actorId) !== undefined) {
      found.push(slot(node, 'actorId', 'actorEmail'));
    }
    for (const [key, child] of Object.entries(node)) {
      if (
        key.endsWith('By') &&
        isPlain(child) &&
        idOf(child.id) !== undefined &&
        typeof child.name === 'string'
      ) {
        found.push(slot(child, 'id', 'email'));
      } else {
        visit(child);
      }
    }
  };
  visit(value);
  return found;
}

/** E-mails compare case-insensitively, as Strapi's admin login does. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();

/** The plan for one stored (id, e-mail) pair against today's admin users. */
export type Reconciliation =
  | { kind: 'ok' }
  | { kind: 'repoint'; to: number }
  /** Nobody has the e-mail; another person holds the old id, so the id is cleared. */
  | { kind: 'missing'; clear: boolean };

/**
 * What to do with a stored pair: keep it when the id's user has the e-mail; point it at the user
 * with the e-mail; or, when nobody has it, report it — and clear the id if someone else now holds
 * it, so nothing is attributed to the wrong person (the e-mail stays for a later run).
 */
export function reconcile(
  stored: { id: number | null; email: string },
  users: { emailOf: Map<number, string>; idOf: Map<string, number> }
): Reconciliation {
  const email = normalEmail(stored.email);
  if (stored.id !== null && users.emailOf.get(stored.id) === email) return { kind: 'ok' };
  const to = users.idOf.get(email);
  if (to !== undefined) return { kind: 'repoint', to };
  return { kind: 'missing', clear: stored.id !== null && users.emailOf.has(stored.id) };
}
