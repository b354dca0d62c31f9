import { canonicalJson, sha256 } from './canonical';
import type {
  AuditRecord,
  ChainedAuditRecord,
  ChainVerdict,
} from '../../../../shared/kernel/contracts';

// The audit trail's entries are answered as they are chained: their shape is the API's.
export type { AuditRecord, ChainedAuditRecord, ChainVerdict };

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain version of new entries: their hash covers the actor's e-mail. */
export const CHAIN_VERSION = 2;

/**
 * Each entry's hash covers its own fields and the previous entry's hash. Entries written before
 * version 2 hash without `actorEmail` (it was filled in later, beside them) and without a version,
 * so they verify as they were written.
 */
export function chainHash(record: AuditRecord): string {
  if (record.chainVersion === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { actorEmail, ...original } = record;
    return sha256(canonicalJson(original));
  }
  return sha256(canonicalJson(record));
}

/**
 * Checks a whole chain in sequence order: numbering without gaps, each entry linked to the one
 * before, each hash matching its fields. The first break is reported; any edited, deleted or
 * inserted row breaks the chain at or after it.
 */
export function verifyChain(rows: readonly ChainedAuditRecord[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const expectedSeq = index + 1;
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      entries: rows.length,
      brokenAt: row.seq,
      reason,
    });
    if (row.seq !== expectedSeq) {
      return broken(`entry ${expectedSeq} is missing: the next entry is number ${row.seq}`);
    }
    if (row.prevHash !== prevHash) {
      return broken(`entry ${row.seq} does not link to entry ${row.seq - 1}`);
    }
    const { hash, ...fields } = row;
    if (chainHash(fields) !== hash) {
      return broken(`entry ${row.seq} was changed after it was written`);
    }
    prevHash = hash;
  }
  return { ok: true, entries: rows.length, lastHash: prevHash };
}
