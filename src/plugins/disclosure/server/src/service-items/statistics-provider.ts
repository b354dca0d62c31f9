/**
 * Service-case figures of a year (`serviceCases.*`), the office's records (not public): cases
 * closed (办结: 送达 after a decision, or 不予受理) in the year, per item and per applicant type;
 * the completion rate (办结率: closed ÷ cases to handle = received in the year + carried in); the
 * decisions made in the year, and those on 行政许可 items (annual report 二（五）); closed by the
 * promised date; working days from 受理 to 办结. Every figure drills down to its cases, listed by
 * case number, item and date — never the applicant. Also the service items in force in the year
 * and those handled fully online (the 政府网站工作年度报表's 办事服务), listed by name.
 */
import {
  splitFigureKey,
  toDateOnly,
  toIso,
  type Figure,
  type FigureRecord,
  type StatisticsContext,
  type StatisticsProvider,
} from '../reporting/sdk';
import { UID } from '../kernel/constants';
import { CASE_APPLICANT_TYPES, type CaseApplicantType } from '../../../shared/service-items/cases';
import { getService } from '../get-service';
import { closedOnTime } from './domain/deadlines';

interface YearCase {
  caseNumber: string;
  serviceItem: string;
  itemName: string;
  itemType: string;
  applicantType: CaseApplicantType;
  decision: 'granted' | 'denied' | null;
  appliedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  promisedDue: string | null;
  legalDue: string | null;
}

const SELECT = [
  'caseNumber',
  'serviceItem',
  'itemName',
  'itemType',
  'applicantType',
  'decision',
  'appliedOn',
  'acceptedOn',
  'decidedOn',
  'closedOn',
  'promisedDue',
  'legalDue',
];

/**
 * The cases that touch the year: open at its start, received, decided or closed in it. Read with
 * the query engine (which converts dates per dialect) and counted here: a bureau has some
 * hundreds of cases a year, and the figures' definitions stay in one readable place.
 */
async function casesOf(context: StatisticsContext) {
  const start = `${context.year}-01-01`;
  const end = `${context.year + 1}-01-01`;
  const rows = (await context.strapi.db.query(UID.serviceCase).findMany({
    where: {
      appliedOn: { $lt: end },
      $or: [{ closedOn: null }, { closedOn: { $gte: start } }, { decidedOn: { $gte: start } }],
    },
    select: SELECT,
    orderBy: [{ appliedOn: 'asc' }, { caseNumber: 'asc' }],
  })) as Array<Record<string, unknown>>;
  const cases: YearCase[] = rows.map((row) => ({
    ...(row as unknown as YearCase),
    appliedOn: toDateOnly(row.appliedOn) ?? '',
    acceptedOn: toDateOnly(row.acceptedOn),
    decidedOn: toDateOnly(row.decidedOn),
    closedOn: toDateOnly(row.closedOn),
    promisedDue: toDateOnly(row.promisedDue),
    legalDue: toDateOnly(row.legalDue),
  }));
  const inYear = (date: string | null) => date !== null && date >= start && date < end;
  return {
    inYear,
    closed: cases.filter((entry) => inYear(entry.closedOn)),
    received: cases.filter((entry) => inYear(entry.appliedOn)),
    carriedIn: cases.filter(
      (entry) => entry.appliedOn < start && (entry.closedOn === null || entry.closedOn >= start)
    ),
    decided: cases.filter((entry) => entry.decision !== null && inYear(entry.decidedOn)),
  };
}

type Groups = Awaited<ReturnType<typeof casesOf>>;

const onTime = (entry: YearCase) =>
  closedOnTime(entry.closedOn ?? '', { promisedDue: entry.promisedDue, legalDue: entry.legalDue });

/** The cases behind each figure key, with the date that placed them in it. */
function casesBehind(
  groups: Groups,
  figure: string
): { cases: YearCase[]; date: keyof YearCase } | null {
  const [name, argument] = splitFigureKey(figure);
  switch (name) {
    case 'serviceCases.closed':
      return { cases: groups.closed, date: 'closedOn' };
    case 'serviceCases.received':
      return { cases: groups.received, date: 'appliedOn' };
    case 'serviceCases.carriedIn':
      return { cases: groups.carriedIn, date: 'appliedOn' };
    case 'serviceCases.item':
      return {
        cases: groups.closed.filter((entry) => entry.serviceItem === argument),
        date: 'closedOn',
      };
    case 'serviceCases.applicant':
      return {
        cases: groups.closed.filter((entry) => entry.applicantType === argument),
        date: 'closedOn',
      };
    case 'serviceCases.onTime':
      return { cases: groups.closed.filter((entry) => onTime(entry) === true), date: 'closedOn' };
    case 'serviceCases.granted':
    case 'serviceCases.denied': {
      const decision = name === 'serviceCases.granted' ? 'granted' : 'denied';
      return {
        cases: groups.decided.filter((entry) => entry.decision === decision),
        date: 'decidedOn',
      };
    }
    case 'serviceCases.licensingDecisions':
      return {
        cases: groups.decided.filter((entry) => entry.itemType === 'licensing'),
        date: 'decidedOn',
      };
    default:
      return null;
  }
}

/**
 * The catalogue's service items in force at some time in the year (政务服务事项数量 of the
 * 政府网站工作年度报表): published before the year ended and not withdrawn before it began; with
 * `online`, those handled fully online (可全程在线办理, onlineDepth `full`). By name.
 */
async function itemsInForce(context: StatisticsContext, online: boolean) {
  const start = `${context.year}-01-01`;
  // firstPublishedAt exists where the host enables Strapi's feature for it (this app does); a
  // host without it dates an item by its current publication.
  const attributes = context.strapi.contentType(UID.serviceItem).attributes as Record<
    string,
    unknown
  >;
  const published = 'firstPublishedAt' in attributes ? 'firstPublishedAt' : 'publishedAt';
  const rows = (await context.strapi.db.query(UID.serviceItem).findMany({
    where: {
      publishedAt: { $notNull: true },
      $and: [
        { $or: [{ [published]: null }, { [published]: { $lt: context.to } }] },
        {
          $or: [
            { lifecycle: { $ne: 'withdrawn' } },
            { lifecycle: null },
            { withdrawnOn: { $gte: start } },
          ],
        },
      ],
      ...(online ? { onlineDepth: 'full' } : {}),
    },
    select: ['documentId', 'name', published],
    orderBy: [{ name: 'asc' }, { documentId: 'asc' }],
  })) as Array<{ documentId: string; name: string | null } & Record<string, unknown>>;
  return rows.map((row) => ({ ...row, firstPublishedAt: row[published] }));
}

const percent = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1000) / 10 : null;

export function serviceCasesProvider(): StatisticsProvider {
  return {
    name: 'serviceCases',
    label: { 'zh-Hans': '政务服务办件', en: 'Government service cases' },
    // Applications by named people and companies: the public learns the counts from the report.
    isPublic: false,

    async compute(context) {
      const groups = await casesOf(context);
      const figure = (key: string, label: string): Figure => ({
        key,
        label,
        value: casesBehind(groups, key)?.cases.length ?? 0,
      });
      const published = await getService(context.strapi, 'service-items').choices();
      const nameOf = new Map(published.map((item) => [item.documentId, item.name]));
      const items = [
        ...new Map(groups.closed.map((entry) => [entry.serviceItem, entry.itemName])).entries(),
      ];
      const toHandle = groups.received.length + groups.carriedIn.length;
      const withDeadline = groups.closed.filter((entry) => onTime(entry) !== null);
      const calendar = await getService(context.strapi, 'calendar').current();
      const handled = groups.closed.filter((entry) => entry.acceptedOn && entry.closedOn);
      const averageWorkingDays = handled.length
        ? Math.round(
            (handled.reduce(
              (sum, entry) => sum + calendar.workingDaysBetween(entry.acceptedOn!, entry.closedOn!),
              0
            ) /
              handled.length) *
              10
          ) / 10
        : null;
      const [inForce, onlineInForce] = await Promise.all([
        itemsInForce(context, false),
        itemsInForce(context, true),
      ]);
      return {
        closed: figure('serviceCases.closed', '本年办结件数'),
        items: { key: 'serviceCases.items', label: '政务服务事项数量', value: inForce.length },
        onlineItems: {
          key: 'serviceCases.onlineItems',
          label: '可全程在线办理政务服务事项数量',
          value: onlineInForce.length,
        },
        byItem: items
          .map(([documentId, snapshot]) =>
            figure(`serviceCases.item:${documentId}`, nameOf.get(documentId) ?? snapshot)
          )
          .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
        received: figure('serviceCases.received', '本年新收办件'),
        carriedIn: figure('serviceCases.carriedIn', '上年结转办件'),
        completionRate: percent(groups.closed.length, toHandle),
        licensingDecisions: figure('serviceCases.licensingDecisions', '行政许可本年处理决定数量'),
        granted: figure('serviceCases.granted', '准予'),
        denied: figure('serviceCases.denied', '不予'),
        byApplicantType: (Object.keys(CASE_APPLICANT_TYPES) as CaseApplicantType[]).map((type) =>
          figure(`serviceCases.applicant:${type}`, `办结 · ${CASE_APPLICANT_TYPES[type]}`)
        ),
        closedOnTime: figure('serviceCases.onTime', '按期办结件数'),
        onTimeRate: percent(
          withDeadline.filter((entry) => onTime(entry)).length,
          withDeadline.length
        ),
        averageWorkingDays,
      };
    },

    async records(context, figure, page) {
      if (figure === 'serviceCases.items' || figure === 'serviceCases.onlineItems') {
        const items = await itemsInForce(context, figure === 'serviceCases.onlineItems');
        const from = (page.page - 1) * page.pageSize;
        return {
          figure,
          total: items.length,
          results: items.slice(from, from + page.pageSize).map((item) => ({
            uid: UID.serviceItem,
            documentId: item.documentId,
            locale: null,
            title: item.name,
            date: toIso(item.firstPublishedAt),
          })),
        };
      }
      const groups = await casesOf(context);
      const behind = casesBehind(groups, figure);
      if (!behind) return null;
      const from = (page.page - 1) * page.pageSize;
      const results: FigureRecord[] = behind.cases
        .slice(from, from + page.pageSize)
        .map((entry) => ({
          uid: UID.serviceCase,
          documentId: entry.caseNumber,
          locale: null,
          title: `${entry.caseNumber} · ${entry.itemName}`,
          date: (entry[behind.date] as string | null) ?? null,
        }));
      return { figure, total: behind.cases.length, results };
    },
  };
}
