import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../../get-service';
import {
  CHAIN_VERSION,
  GENESIS_HASH,
  chainHash,
  verifyChain,
  type AuditRecord,
  type ChainVerdict,
  type ChainedAuditRecord,
} from '../domain/audit-chain';
import type { Actor } from './actor';
import { serialize } from './locks';

export type AuditInput = Omit<AuditRecord, 'seq' | 'at' | 'prevHash'> & { at?: Date };

/** A case record of a module (a request, an inquiry, a proposal …): its type, id and state now. */
export interface CaseRef {
  contentType: string;
  /** How the trail names the case: its tracking number, case number or row id. */
  id: string;
  state: string | null;
}

/** What a step changed beside its action: the state it led to (else unchanged), why, what hash. */
export interface CaseStepDetails {
  toState?: string;
  reason?: string | null;
  contentHash?: string | null;
}

const FIELDS = [
  'seq',
  'at',
  'itemUid',
  'itemDocumentId',
  'itemLocale',
  'action',
  'fromState',
  'toState',
  'actorId',
  'actorName',
  'actorEmail',
  'actorRoles',
  'reason',
  'category',
  'contentHash',
  'prevHash',
  'hash',
  'chainVersion',
] as const;

type Row = { [K in (typeof FIELDS)[number]]: unknown };

const toRecord = (row: Row): ChainedAuditRecord => ({
  seq: Number(row.seq),
  at: new Date(row.at as string).toISOString(),
  contentType: row.itemUid as string,
  documentId: row.itemDocumentId as string,
  locale: row.itemLocale as string,
  action: row.action as string,
  fromState: (row.fromState as string) ?? null,
  toState: (row.toState as string) ?? null,
  actorId: row.actorId === null ? null : Number(row.actorId),
  actorName: (row.actorName as string) ?? null,
  actorEmail: (row.actorEmail as string) ?? null,
  actorRoles: (row.actorRoles as string[]) ?? [],
  reason: (row.reason as string) ?? null,
  category: (row.category as string) ?? null,
  contentHash: (row.contentHash as string) ?? null,
  prevHash: row.prevHash as string,
  hash: row.hash as string,
  ...(row.chainVersion == null ? {} : { chainVersion: Number(row.chainVersion) }),
});

/**
 * The audit trail: append-only, each entry chained to the one before by its hash, so an edited,
 * inserted or deleted row is found by `verify()`. Appends from several app processes are
 * serialised by a database lock; call inside the transaction of the change being recorded.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Appends one step of a case record (no locale: the plugin's own tables) by `actor`. */
  caseStep(
    ref: CaseRef,
    action: string,
    actor: Actor,
    { toState, reason = null, contentHash = null }: CaseStepDetails = {}
  ): Promise<ChainedAuditRecord> {
    return this.append({
      contentType: ref.contentType,
      documentId: ref.id,
      locale: '-',
      action,
      fromState: ref.state,
      toState: toState ?? ref.state,
      actorId: actor.id,
      actorName: actor.name,
      actorEmail: actor.email,
      actorRoles: actor.roles,
      reason,
      category: null,
      contentHash,
    });
  },

  /** Appends one entry after the last; returns it with its number and hash. */
  async append(input: AuditInput): Promise<ChainedAuditRecord> {
    return serialize(strapi, 'disclosure-audit', async () => {
      const entries = strapi.db.query(UID.auditEntry);
      const last = (await entries.findOne({
        orderBy: { seq: 'desc' },
        select: ['seq', 'hash'],
      })) as { seq: number; hash: string } | null;
      const { at, ...rest } = input;
      const record: AuditRecord = {
        ...rest,
        // The actor's identity across a transfer, inside the hash (chain version 2).
        actorEmail:
          rest.actorEmail ?? (await getService(strapi, 'staffIdentity').emailOf(rest.actorId)),
        seq: last ? Number(last.seq) + 1 : 1,
        at: (at ?? new Date()).toISOString(),
        prevHash: last?.hash ?? GENESIS_HASH,
        chainVersion: CHAIN_VERSION,
      };
      const hash = chainHash(record);
      await entries.create({
        data: {
          seq: record.seq,
          at: record.at,
          itemUid: record.contentType,
          itemDocumentId: record.documentId,
          itemLocale: record.locale,
          action: record.action,
          fromState: record.fromState,
          toState: record.toState,
          actorId: record.actorId,
          actorName: record.actorName,
          actorEmail: record.actorEmail,
          actorRoles: record.actorRoles,
          reason: record.reason,
          category: record.category,
          contentHash: record.contentHash,
          prevHash: record.prevHash,
          hash,
          chainVersion: record.chainVersion,
        },
      });
      return { ...record, hash };
    });
  },

  /** The entries of one document (all locales), oldest first. */
  async history(contentType: string, documentId: string): Promise<ChainedAuditRecord[]> {
    const rows = await strapi.db.query(UID.auditEntry).findMany({
      where: { itemUid: contentType, itemDocumentId: documentId },
      orderBy: { seq: 'asc' },
      select: [...FIELDS],
    });
    return (rows as Row[]).map(toRecord);
  },

  /** Checks the whole chain; reports the first entry that was changed, removed or inserted. */
  async verify(): Promise<ChainVerdict> {
    const rows = await strapi.db
      .query(UID.auditEntry)
      .findMany({ orderBy: { seq: 'asc' }, select: [...FIELDS] });
    return verifyChain((rows as Row[]).map(toRecord));
  },
});
