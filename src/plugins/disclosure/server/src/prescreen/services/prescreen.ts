/**
 * The confidentiality pre-screen (保密预审, decision 0030): scans the version an editor submits,
 * keeps its findings under that version's content hash, and holds 保密审查 (clear) until the
 * 保密审查员 has confirmed each finding of the version under review as harmless. The editor's
 * fix is a new version: a new hash, a new scan, and the old findings count as fixed.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../kernel/constants';
import { sha256 } from '../../kernel/domain/canonical';
import { actorFromUser, type Actor, type AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import type { ContentTypeUid } from '../../kernel/config';
import type { StepContext } from '../../review/sdk';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  describeLocation,
  type Finding,
  type FindingKind,
  type FindingLocation,
} from '../../../../shared/prescreen/contracts';
import { detect } from '../domain/detectors';
import { itemContent, type Attributes, type Segment } from '../domain/segments';

/** The pre-screen writes its audit entries as the system: nobody chose to run it. */
const SYSTEM: Actor = { id: null, name: '系统（保密预审）', roles: [] };

/** States in which the version under review waits for 保密审查: its findings can be confirmed. */
const CONFIRMABLE = new Set(['submitted', 'division_approved']);

interface ItemKey {
  uid: string;
  documentId: string;
  locale: string;
}

/** A finding as a scan produces it, before it is stored. */
interface Candidate {
  kind: FindingKind;
  excerpt: string;
  location: FindingLocation;
  /** sha256 of the kind and the normalised match: compares findings across versions. */
  fingerprint: string;
}

export interface FindingRow {
  id: number;
  itemUid: string;
  itemDocumentId: string;
  itemLocale: string;
  contentHash: string;
  kind: FindingKind;
  excerpt: string | null;
  location: FindingLocation | string | null;
  fingerprint: string;
  status: Finding['status'];
  foundAt: string;
  confirmedById: number | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
  note: string | null;
}

const locationOf = (row: FindingRow): FindingLocation =>
  typeof row.location === 'string'
    ? (JSON.parse(row.location) as FindingLocation)
    : (row.location ?? { field: '' });

const placeKey = (candidate: { fingerprint: string; location: FindingLocation }) =>
  `${candidate.fingerprint}|${JSON.stringify(candidate.location)}`;

const toFinding = (row: FindingRow): Finding => ({
  id: row.id,
  kind: row.kind,
  excerpt: row.excerpt ?? '',
  location: locationOf(row),
  status: row.status,
  confirmedBy: row.confirmedByName,
  confirmedAt: row.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
  note: row.note,
});

/** The counts per kind as the audit trail records them, e.g. `手机号码 2；密级标志 1`. */
export const countsText = (counts: Partial<Record<FindingKind, number>>): string =>
  FINDING_KINDS.filter((kind) => counts[kind])
    .map((kind) => `${FINDING_KIND_LABELS[kind]} ${counts[kind]}`)
    .join('；');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findings = () => strapi.db.query(UID.prescreenFinding);
  const scans = () => strapi.db.query(UID.prescreenScan);
  const where = ({ uid, documentId, locale }: ItemKey) => ({
    itemUid: uid,
    itemDocumentId: documentId,
    itemLocale: locale,
  });

  const fingerprint = (kind: FindingKind, match: string) => sha256(`${kind}\u0000${match}`);

  const fromSegments = (segments: Segment[], words: string[], place: Partial<FindingLocation>) =>
    segments.flatMap((segment) =>
      detect(segment.text, words).map((detection): Candidate => ({
        kind: detection.kind,
        excerpt: detection.excerpt,
        location: { ...segment.location, ...place, field: place.field ?? segment.location.field },
        fingerprint: fingerprint(detection.kind, detection.match),
      }))
    );

  /** Everything the pre-screen finds in a version of an item: its texts and its files. */
  const candidatesOf = async (uid: ContentTypeUid, draft: Record<string, unknown>) => {
    const words = await getService(strapi, 'sensitive-words').list();
    const attributes = strapi.contentType(uid).attributes as Attributes;
    const { segments, files } = itemContent(draft, attributes);
    const found: Candidate[] = fromSegments(segments, words, {});
    for (const file of files) {
      const place = { field: file.field, file: file.name };
      const reading = await getService(strapi, 'file-text').read(file);
      if (!reading.ok) {
        found.push({
          kind: 'unreadable',
          excerpt: reading.reason,
          location: place,
          fingerprint: fingerprint('unreadable', file.url),
        });
        continue;
      }
      found.push(...fromSegments(reading.segments, words, place));
      for (const { latitude, longitude } of reading.positions) {
        found.push({
          kind: 'gps',
          // Rounded to about 1 km: enough to judge, not the spot.
          excerpt: `GPS 纬度 ${latitude.toFixed(2)}，经度 ${longitude.toFixed(2)}`,
          location: { ...place, tag: 'GPS' },
          fingerprint: fingerprint('gps', `${latitude},${longitude}`),
        });
      }
    }
    return found;
  };

  /**
   * Scans the version with `hash` and stores its findings: a finding already stored for this
   * version keeps its confirmation; one no longer found (a word taken off the list) is
   * superseded; open findings of earlier versions become fixed, or superseded when the new
   * version still has them. One audit entry with the counts per kind, no personal data.
   */
  const scan = async (context: Omit<StepContext, 'action' | 'user'>) => {
    const key = { uid: context.uid, documentId: context.documentId, locale: context.locale };
    const found = await candidatesOf(context.uid, context.draft);
    const now = new Date();
    const counts: Partial<Record<FindingKind, number>> = {};
    for (const candidate of found) counts[candidate.kind] = (counts[candidate.kind] ?? 0) + 1;
    await strapi.db.transaction(async () => {
      const stored = (await findings().findMany({
        where: { ...where(key), contentHash: context.hash },
      })) as FindingRow[];
      const byPlace = new Map(
        stored.map((row) => [placeKey({ ...row, location: locationOf(row) }), row])
      );
      const kept = new Set<number>();
      for (const candidate of found) {
        const existing = byPlace.get(placeKey(candidate));
        if (existing && existing.status !== 'superseded') {
          kept.add(existing.id);
          continue;
        }
        await findings().create({
          data: {
            ...where(key),
            contentHash: context.hash,
            ...candidate,
            status: 'open',
            foundAt: now,
          },
        });
      }
      for (const row of stored) {
        if (!kept.has(row.id) && row.status === 'open') {
          await findings().update({ where: { id: row.id }, data: { status: 'superseded' } });
        }
      }
      const current = new Set(found.map((candidate) => candidate.fingerprint));
      const earlier = (await findings().findMany({
        where: { ...where(key), contentHash: { $ne: context.hash }, status: 'open' },
      })) as FindingRow[];
      for (const row of earlier) {
        await findings().update({
          where: { id: row.id },
          data: { status: current.has(row.fingerprint) ? 'superseded' : 'fixed' },
        });
      }
      const scanned = await scans().findOne({
        where: { ...where(key), contentHash: context.hash },
      });
      if (scanned)
        await scans().update({ where: { id: scanned.id }, data: { scannedAt: now, counts } });
      else
        await scans().create({
          data: { ...where(key), contentHash: context.hash, scannedAt: now, counts },
        });
      if (found.length > 0) {
        await getService(strapi, 'audit').append({
          contentType: key.uid,
          documentId: key.documentId,
          locale: key.locale,
          action: 'prescreen',
          fromState: context.state,
          toState: context.state,
          actorId: SYSTEM.id,
          actorName: SYSTEM.name,
          actorRoles: SYSTEM.roles,
          reason: `保密预审发现 ${found.length} 项：${countsText(counts)}`,
          category: null,
          contentHash: context.hash,
        });
      }
    });
    return found.length;
  };

  const openCount = async (key: ItemKey, hash: string) =>
    findings().count({ where: { ...where(key), contentHash: hash, status: 'open' } });

  return {
    scan,

    /** The review's submit hook: every submitted version is scanned; the scan never refuses. */
    async onSubmit(context: StepContext) {
      await scan(context);
      return null;
    },

    /**
     * The review's clear hook: refused (400) while a finding of the version under review is not
     * confirmed. A version never scanned (submitted before the pre-screen existed) is scanned now.
     */
    async onClear(context: StepContext) {
      const key = { uid: context.uid, documentId: context.documentId, locale: context.locale };
      // A draft changed since it was submitted is refused by the review itself ("back in draft"):
      // it is not scanned here, so the submitted version's findings stay as they are.
      if (context.submittedHash !== context.hash) return null;
      const scanned = await scans().count({ where: { ...where(key), contentHash: context.hash } });
      if (scanned === 0) await scan(context);
      const open = await openCount(key, context.hash);
      if (open === 0) return null;
      return {
        message: `${open} pre-screen finding(s) (保密预审发现) are not confirmed as harmless: confirm each in the review panel (确认无碍), or return the item so the editor fixes it.`,
        details: { openFindings: open },
      };
    },

    /**
     * The findings of an item's current draft in one locale, for the review panel: empty with a
     * null hash when that version was never scanned (it is scanned when submitted).
     */
    async forItem(uid: ContentTypeUid, documentId: string, locale: string) {
      const reviewState = getService(strapi, 'review-state');
      const draft = await reviewState.load(uid, documentId, locale, 'draft');
      if (!draft) throw new errors.NotFoundError(`No ${locale} version of ${uid} ${documentId}.`);
      const hash = reviewState.hashOfVersion(uid, draft);
      const key = { uid, documentId, locale };
      const scanned = (await scans().findOne({
        where: { ...where(key), contentHash: hash },
      })) as { scannedAt: string } | null;
      const rows = scanned
        ? ((await findings().findMany({
            where: { ...where(key), contentHash: hash, status: { $in: ['open', 'confirmed'] } },
            orderBy: { id: 'asc' },
          })) as FindingRow[])
        : [];
      return {
        contentHash: scanned ? hash : null,
        scannedAt: scanned ? new Date(scanned.scannedAt).toISOString() : null,
        findings: rows.map(toFinding),
        open: rows.filter((row) => row.status === 'open').length,
      };
    },

    /** The stored finding with this id, or null. */
    async find(id: number): Promise<FindingRow | null> {
      return (await findings().findOne({ where: { id } })) as FindingRow | null;
    },

    /**
     * Confirms a finding as harmless (确认无碍) for the 保密审查员, with an optional note; one
     * audit entry names the kind and the place, never the excerpt. Refused (400) when the finding
     * is not of the version now waiting for 保密审查, or is confirmed already.
     */
    async confirm(row: FindingRow, user: AdminUser, note: string | null): Promise<Finding> {
      const uid = row.itemUid as ContentTypeUid;
      const reviewState = getService(strapi, 'review-state');
      const review = await reviewState.find(uid, row.itemDocumentId, row.itemLocale);
      if (!review || review.submittedHash !== row.contentHash || !CONFIRMABLE.has(review.state)) {
        throw new errors.ValidationError(
          'This finding belongs to a version that is not waiting for 保密审查: nothing to confirm.'
        );
      }
      if (row.status !== 'open') {
        throw new errors.ValidationError(`This finding is ${row.status} already.`);
      }
      const actor = actorFromUser(user);
      const location = locationOf(row);
      await strapi.db.transaction(async () => {
        await findings().update({
          where: { id: row.id },
          data: {
            status: 'confirmed',
            confirmedById: actor.id,
            confirmedByName: actor.name,
            confirmedAt: new Date(),
            note,
          },
        });
        await getService(strapi, 'audit').append({
          contentType: uid,
          documentId: row.itemDocumentId,
          locale: row.itemLocale,
          action: 'prescreen-confirm',
          fromState: review.state,
          toState: review.state,
          actorId: actor.id,
          actorName: actor.name,
          actorRoles: actor.roles,
          reason: `确认无碍：${FINDING_KIND_LABELS[row.kind]}（${describeLocation(location)}）${note ? `：${note}` : ''}`,
          category: null,
          contentHash: row.contentHash,
        });
      });
      return toFinding((await this.find(row.id))!);
    },
  };
};
