/**
 * The pre-screen's figures of a year (`prescreen.*`): findings raised in the Beijing year, by
 * kind, and what became of them — confirmed harmless by the 保密审查员, fixed by the editor (the
 * next version no longer has them), still open. Internal: findings concern items under review
 * and personal data, so the figures and their records are for the admin panel only.
 */
import type { Core } from '@strapi/strapi';
import { splitFigureKey, type StatisticsProvider } from '../reporting/sdk';
import { UID } from '../kernel/constants';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  describeLocation,
  type FindingKind,
  type FindingLocation,
} from '../../../shared/prescreen/contracts';

const OUTCOMES = {
  found: '预审发现',
  confirmed: '确认无碍',
  fixed: '编辑已修改',
  open: '待确认',
} as const;
type Outcome = keyof typeof OUTCOMES;

interface Row {
  id: number;
  itemUid: string;
  itemDocumentId: string;
  itemLocale: string;
  kind: FindingKind;
  location: FindingLocation | string | null;
  status: string;
  foundAt: string;
}

const matches = (row: Row, outcome: Outcome) => outcome === 'found' || row.status === outcome;

async function rowsOf(strapi: Core.Strapi, from: Date, to: Date): Promise<Row[]> {
  // Superseded rows are the same finding carried into a newer version: counted there.
  return (await strapi.db.query(UID.prescreenFinding).findMany({
    where: { foundAt: { $gte: from, $lt: to }, status: { $ne: 'superseded' } },
    orderBy: { id: 'asc' },
  })) as Row[];
}

export function prescreenProvider(): StatisticsProvider {
  return {
    name: 'prescreen',
    label: { 'zh-Hans': '保密预审', en: 'Confidentiality pre-screen' },
    isPublic: false,

    async compute({ strapi, from, to }) {
      const rows = await rowsOf(strapi, from, to);
      const figure = (outcome: Outcome, kind?: FindingKind) => ({
        key: `prescreen.${outcome}${kind ? `:${kind}` : ''}`,
        label: kind ? `${FINDING_KIND_LABELS[kind]}·${OUTCOMES[outcome]}` : OUTCOMES[outcome],
        value: rows.filter((row) => matches(row, outcome) && (!kind || row.kind === kind)).length,
      });
      return {
        found: figure('found'),
        confirmed: figure('confirmed'),
        fixed: figure('fixed'),
        open: figure('open'),
        byKind: FINDING_KINDS.map((kind) => ({
          ...figure('found', kind),
          label: FINDING_KIND_LABELS[kind],
          children: (['confirmed', 'fixed', 'open'] as const).map((outcome) =>
            figure(outcome, kind)
          ),
        })),
      };
    },

    async records({ strapi, from, to }, key, page) {
      const [name, kind] = splitFigureKey(key);
      const outcome = name.replace(/^prescreen\./, '') as Outcome;
      if (!name.startsWith('prescreen.') || !(outcome in OUTCOMES)) return null;
      if (kind !== undefined && !FINDING_KINDS.includes(kind as FindingKind)) return null;
      const matching = (await rowsOf(strapi, from, to)).filter(
        (row) => matches(row, outcome) && (!kind || row.kind === kind)
      );
      const start = (page.page - 1) * page.pageSize;
      return {
        figure: key,
        total: matching.length,
        results: matching.slice(start, start + page.pageSize).map((row) => {
          const location =
            typeof row.location === 'string'
              ? (JSON.parse(row.location) as FindingLocation)
              : (row.location ?? { field: '' });
          return {
            uid: row.itemUid,
            documentId: row.itemDocumentId,
            locale: row.itemLocale,
            title: `${FINDING_KIND_LABELS[row.kind]}：${describeLocation(location)}`,
            date: new Date(row.foundAt).toISOString().slice(0, 10),
          };
        }),
      };
    },
  };
}
