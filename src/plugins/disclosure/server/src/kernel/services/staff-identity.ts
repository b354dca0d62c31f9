import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createHash } from 'crypto';
import type {
  StaffReconciliation,
  UnmatchedStaffMember,
} from '../../../../shared/kernel/contracts';
import { normalEmail, reconcile, staffRefsIn, type StaffReference } from '../domain/staff-refs';
import { PLUGIN_ID, UID } from '../constants';

/**
 * Written for an id whose admin user was gone when the e-mails were first filled in: nothing to go
 * on, so reconciliation leaves the id alone (and such ids were already dangling before).
 */
const UNKNOWN_EMAIL = '';

const STORE_KEY = 'staff-identity';

interface StoredState {
  /** The first fill of e-mails into rows written before they were kept (once per database). */
  backfilled?: boolean;
  /** The admin users (id ↔ e-mail) and the data (the audit chain's end) it last ran against. */
  fingerprint?: string;
  unmatched?: UnmatchedStaffMember[];
}

interface Users {
  emailOf: Map<number, string>;
  idOf: Map<string, number>;
  fingerprint: string;
}

type Row = Record<string, unknown>;

const parseJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/**
 * Staff by stable identity: every stored admin-user id has the user's e-mail beside it. Strapi's
 * transfer (`strapi export` / `strapi import`) keeps the plugin's records but no admin users, and
 * recreated users get new ids in creation order; reconciliation points each stored id back at the
 * user with the stored e-mail. Bulk bookkeeping over many types, so through knex.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const references: StaffReference[] = [];
  const knex = () => strapi.db.connection as unknown as Knex;
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });

  const names = (uid: string) => {
    const meta = strapi.db.metadata.get(uid as never) as unknown as {
      tableName: string;
      attributes: Record<string, { columnName?: string }>;
    };
    return {
      table: meta.tableName,
      column: (attribute: string) => {
        const found = meta.attributes[attribute];
        if (!found) throw new Error(`${uid} has no attribute ${attribute}`);
        return found.columnName ?? attribute;
      },
    };
  };

  const usersTable = () => names('admin::user').table;

  // Through the Query Engine, not knex: it may be called inside a transaction (a review step reading
  // authors from the trail), and SQLite has one connection.
  const readUsers = async (): Promise<Users> => {
    const rows = (await strapi.db.query('admin::user').findMany({
      select: ['id', 'email'],
      orderBy: { id: 'asc' },
    })) as Array<{ id: number; email: string }>;
    const pairs = rows.map((row) => [Number(row.id), normalEmail(row.email)] as const);
    // The data's side: an import replaces the audit trail, and the plugin store (where the last
    // fingerprint is kept) may or may not come along (`strapi import --exclude config`).
    const last = (await strapi.db
      .query(UID.auditEntry)
      .findOne({ orderBy: { seq: 'desc' }, select: ['hash'] })) as { hash: string } | null;
    return {
      emailOf: new Map(pairs),
      idOf: new Map(pairs.map(([id, email]) => [email, id])),
      fingerprint: createHash('sha256')
        .update([last?.hash ?? '', ...pairs.map(([id, email]) => `${id}:${email}`)].join('\n'))
        .digest('hex'),
    };
  };

  /** Every row of a JSON reference with its parsed value, in id order. */
  const jsonRows = async (
    ref: Extract<StaffReference, { kind: 'json' }>,
    db: Knex | Knex.Transaction = knex()
  ) => {
    const { table, column } = names(ref.uid);
    const col = column(ref.field);
    const rows = (await db(table)
      .select('id', { value: col })
      .whereNotNull(col)
      .orderBy('id')) as Row[];
    return {
      table,
      col,
      rows: rows.map((row) => ({ id: row.id as number, value: parseJson(row.value) })),
    };
  };

  const service = {
    /** Adds where a module keeps staff ids (each module declares its own, see DisclosureModule). */
    declare(refs: readonly StaffReference[]): void {
      references.push(...refs);
    },

    /** Every declared place holding staff ids. */
    references(): readonly StaffReference[] {
      return references;
    },

    /** The e-mail of admin user `id`, or null for none (the system, a token, a deleted user). */
    async emailOf(id: number | null): Promise<string | null> {
      if (id === null) return null;
      const row = (await strapi.db
        .query('admin::user')
        .findOne({ where: { id }, select: ['email'] })) as { email: string } | null;
      return row ? normalEmail(row.email) : null;
    },

    /**
     * The admin user each recorded actor is now: the user with the recorded e-mail, or null when
     * nobody has it; the recorded id where no e-mail was known. For records whose id is never
     * rewritten (audit entries), so that comparisons with the acting user hold after an import.
     */
    async currentIds(
      actors: ReadonlyArray<{ actorId: number | null; actorEmail?: string | null }>
    ): Promise<Array<number | null>> {
      const users = await readUsers();
      return actors.map(({ actorId, actorEmail }) =>
        actorEmail ? (users.idOf.get(normalEmail(actorEmail)) ?? null) : actorId
      );
    },

    /**
     * Puts the acting user's e-mail beside each id in `data` about to be written to `uid` (column
     * pairs and JSON signatures), so every new write carries it; ids are right at write time.
     */
    async fillEmails(uid: string, data: Row): Promise<void> {
      const cache = new Map<number, string>();
      const emailOf = async (id: number) => {
        if (!cache.has(id)) cache.set(id, (await service.emailOf(id)) ?? UNKNOWN_EMAIL);
        return cache.get(id)!;
      };
      for (const ref of references) {
        if (ref.uid !== uid) continue;
        if (ref.kind === 'column') {
          if (ref.immutable || !(ref.id in data) || ref.email in data) continue;
          const id = data[ref.id];
          data[ref.email] = typeof id === 'number' ? await emailOf(id) : null;
        } else if (ref.field in data) {
          for (const slot of staffRefsIn({ [ref.field]: data[ref.field] })) {
            if (slot.id !== null && slot.email == null) slot.setEmail(await emailOf(slot.id));
          }
        }
      }
    },

    /**
     * Fills the e-mail beside every stored id that has none, from the admin users as they are now:
     * right only while ids still belong to the people who acted, so it runs once per database (on
     * the first start with this version) and never again — a later transfer carries the e-mails.
     * Returns how many ids got one.
     */
    async backfill(): Promise<number> {
      const state = ((await store().get({})) ?? {}) as StoredState;
      if (state.backfilled) return 0;
      const users = await readUsers();
      let filled = 0;
      for (const ref of references) {
        if (ref.kind === 'column') {
          const { table, column } = names(ref.uid);
          const id = column(ref.id);
          const email = column(ref.email);
          filled += await knex()(table)
            .whereNull(email)
            .whereNotNull(id)
            .update({
              [email]: knex().raw(
                `COALESCE((SELECT LOWER(u.email) FROM ?? u WHERE u.id = ??), ?)`,
                [usersTable(), `${table}.${id}`, UNKNOWN_EMAIL]
              ),
            });
        } else {
          const { table, col, rows } = await jsonRows(ref);
          for (const row of rows) {
            let changed = false;
            for (const slot of staffRefsIn({ [ref.field]: row.value })) {
              if (slot.id === null || slot.email != null) continue;
              slot.setEmail(users.emailOf.get(slot.id) ?? UNKNOWN_EMAIL);
              changed = true;
              filled += 1;
            }
            if (changed) {
              await knex()(table)
                .where({ id: row.id })
                .update({ [col]: JSON.stringify(row.value) });
            }
          }
        }
      }
      await store().set({ value: { ...state, backfilled: true } });
      return filled;
    },

    /**
     * Points every stored id at the admin user with the stored e-mail. An e-mail no admin user has
     * is reported (where it is referenced, how often); its id is left, or cleared when another
     * person now holds it. Audit entries keep their id (it is inside the hash chain): their
     * e-mail names the person. With `dryRun`, only reports. Idempotent.
     */
    async reconcile({ dryRun = false } = {}): Promise<StaffReconciliation> {
      const users = await readUsers();
      const missing = new Map<string, Map<string, number>>();
      const miss = (email: string, label: string, count: number) => {
        const where = missing.get(email) ?? new Map<string, number>();
        where.set(label, (where.get(label) ?? 0) + count);
        missing.set(email, where);
      };
      let repointed = 0;
      let cleared = 0;
      const run = async (trx: Knex | Knex.Transaction) => {
        for (const ref of references) {
          if (ref.kind === 'column') {
            const { table, column } = names(ref.uid);
            const id = column(ref.id);
            const email = column(ref.email);
            const pairs = (await trx(table)
              .select({ id }, { email })
              .count({ n: '*' })
              .whereNotNull(email)
              .whereNot(email, UNKNOWN_EMAIL)
              .groupBy(id, email)) as Array<{ id: unknown; email: string; n: unknown }>;
            let moved = false;
            for (const pair of pairs) {
              const storedId = pair.id === null ? null : Number(pair.id);
              const plan = reconcile({ id: storedId, email: pair.email }, users);
              const count = Number(pair.n);
              if (plan.kind === 'missing') miss(normalEmail(pair.email), ref.label, count);
              if (ref.immutable || dryRun || plan.kind === 'ok') continue;
              const rows = () =>
                trx(table)
                  .where(email, pair.email)
                  .where((q) => (storedId === null ? q.whereNull(id) : q.where(id, storedId)));
              if (plan.kind === 'repoint') {
                // Negative first, so swapped ids never collide on a unique index (staff).
                await rows().update({ [id]: -plan.to });
                moved = true;
                repointed += count;
              } else if (plan.clear) {
                await rows().update({ [id]: null });
                cleared += count;
              }
            }
            if (moved)
              await trx(table)
                .where(id, '<', 0)
                .update({ [id]: trx.raw('-??', [id]) });
          } else {
            const { table, col, rows } = await jsonRows(ref, trx);
            for (const row of rows) {
              let changed = false;
              for (const slot of staffRefsIn({ [ref.field]: row.value })) {
                if (!slot.email) continue;
                const plan = reconcile({ id: slot.id, email: slot.email }, users);
                if (plan.kind === 'missing') miss(normalEmail(slot.email), ref.label, 1);
                if (plan.kind === 'repoint') {
                  slot.setId(plan.to);
                  repointed += 1;
                  changed = true;
                } else if (plan.kind === 'missing' && plan.clear) {
                  slot.setId(null);
                  cleared += 1;
                  changed = true;
                }
              }
              if (changed && !dryRun) {
                await trx(table)
                  .where({ id: row.id })
                  .update({ [col]: JSON.stringify(row.value) });
              }
            }
          }
        }
      };
      if (dryRun) await run(knex());
      else await knex().transaction(run);
      const unmatched: UnmatchedStaffMember[] = [...missing.entries()]
        .map(([email, where]) => ({
          email,
          count: [...where.values()].reduce((sum, n) => sum + n, 0),
          references: [...where.entries()].map(([label, count]) => ({ label, count })),
        }))
        .sort((a, b) => a.email.localeCompare(b.email));
      if (!dryRun) {
        const state = ((await store().get({})) ?? {}) as StoredState;
        await store().set({ value: { ...state, fingerprint: users.fingerprint, unmatched } });
      }
      return { repointed: dryRun ? 0 : repointed, cleared: dryRun ? 0 : cleared, unmatched };
    },

    /**
     * At start-up: reconciles when the admin users or the audit trail's end changed since the last
     * run (an import, users recreated or renamed, any audited work), else repeats the last report
     * without scanning. Logs who is missing.
     */
    async reconcileAtStart(): Promise<StaffReconciliation> {
      const state = ((await store().get({})) ?? {}) as StoredState;
      const users = await readUsers();
      const result =
        state.fingerprint === users.fingerprint
          ? { repointed: 0, cleared: 0, unmatched: state.unmatched ?? [] }
          : await service.reconcile();
      if (result.repointed || result.cleared) {
        strapi.log.info(
          `[disclosure] staff references reconciled by e-mail: ${result.repointed} repointed, ` +
            `${result.cleared} cleared`
        );
      }
      if (result.unmatched.length) {
        strapi.log.warn(
          `[disclosure] 导入后缺少的工作人员 (staff referenced by the plugin with no admin user): ` +
            result.unmatched
              .map(
                (member) =>
                  `${member.email} (${member.references.map((r) => `${r.label} ×${r.count}`).join(', ')})`
              )
              .join('; ') +
            ' — create these admin users with the same e-mail, then run `npm run staff:reconcile`' +
            ' (or restart)'
        );
      }
      return result;
    },
  };
  return service;
};
