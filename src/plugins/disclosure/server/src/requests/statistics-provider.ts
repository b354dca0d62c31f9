/**
 * Disclosure-request figures of a year (`requests.*`), exactly the rows × columns of table 三:
 * 一 received in the year, 二 carried in (received before, not closed before), the outcome rows
 * closed in the year, （七） their sum, 四 carried out (received by the year's end, not closed by
 * then) — per applicant type and in total. Each request enters once and leaves once, so the 勾稽
 * rules hold by construction. Receipt and answer dates are calendar dates (Beijing).
 */
import {
  namesOf,
  pageOf,
  splitFigureKey,
  toCount,
  toDateOnly,
  type Figure,
  type StatisticsContext,
  type StatisticsProvider,
} from '../reporting/sdk';
import type { Knex } from 'knex';
import { UID } from '../kernel/constants';
import type { WorkingDayCalendar } from '../kernel/domain/calendar';
import type { RequestEvent } from './domain/request-deadline';
import {
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
} from '../../../shared/reporting/annual-report/format-2021';
import { OUTCOMES } from '../../../shared/requests/outcomes';
import { getService } from '../get-service';

type Row = 'new' | 'carriedIn' | 'resultsTotal' | 'carriedOut' | string;

/**
 * The 2019 trial format prints （六）其他处理 as one row: the sum of the three ways of 2021
 * (逾期不补正, 逾期不缴费, 其他), counted from the same records.
 */
const OTHER_HANDLING = 'otherHandling';
const OTHER_HANDLING_OUTCOMES = OUTCOMES.filter((outcome) =>
  outcome.startsWith(`${OTHER_HANDLING}.`)
);

function requestQuery(context: StatisticsContext) {
  const names = namesOf(context.strapi, UID.disclosureRequest);
  const column = (attribute: string) => `r.${names.column(attribute)}`;
  const start = `${context.year}-01-01`;
  const end = `${context.year + 1}-01-01`;
  const received = column('receivedOn');
  const answered = column('answeredOn');
  const conditions: Record<'new' | 'carriedIn' | 'closed' | 'carriedOut', [string, string[]]> = {
    new: [`${received} >= ? AND ${received} < ?`, [start, end]],
    carriedIn: [`${received} < ? AND (${answered} IS NULL OR ${answered} >= ?)`, [start, start]],
    closed: [`${answered} >= ? AND ${answered} < ?`, [start, end]],
    carriedOut: [`${received} < ? AND (${answered} IS NULL OR ${answered} >= ?)`, [end, end]],
  };
  return { base: context.knex.from({ r: names.table }), conditions, column };
}

/** The SQL filter of one cell of table 三, or null when the key is not one. */
function cellFilter(context: StatisticsContext, row: Row, applicant: string) {
  const { base, conditions, column } = requestQuery(context);
  if (applicant !== 'total' && !APPLICANT_COLUMNS.includes(applicant)) return null;
  let query: Knex.QueryBuilder;
  if (row === 'new' || row === 'carriedIn' || row === 'carriedOut') {
    query = base.whereRaw(conditions[row][0], conditions[row][1]);
  } else if (row === 'resultsTotal') {
    query = base.whereRaw(conditions.closed[0], conditions.closed[1]);
  } else if (OUTCOMES.includes(row)) {
    query = base.whereRaw(conditions.closed[0], conditions.closed[1]).where(column('outcome'), row);
  } else if (row === OTHER_HANDLING) {
    query = base
      .whereRaw(conditions.closed[0], conditions.closed[1])
      .whereIn(column('outcome'), OTHER_HANDLING_OUTCOMES);
  } else return null;
  if (applicant !== 'total') query.where(column('applicantType'), applicant);
  return { query, column };
}

interface WithEvents {
  trackingNumber: string;
  title: string;
  receivedOn: unknown;
  events: RequestEvent[];
}

/** Requests of a year's row (one small table a year: read with their events, newest first). */
async function withEvents(context: StatisticsContext, row: 'new'): Promise<WithEvents[]> {
  const { base, conditions, column } = requestQuery(context);
  const rows = (await base
    .whereRaw(conditions[row][0], conditions[row][1])
    .select({
      trackingNumber: column('trackingNumber'),
      title: column('title'),
      receivedOn: column('receivedOn'),
      events: column('events'),
    })
    .orderBy([
      { column: column('receivedOn'), order: 'desc' },
      { column: column('trackingNumber'), order: 'asc' },
    ])) as Array<Omit<WithEvents, 'events'> & { events: unknown }>;
  return rows.map((entry) => ({
    ...entry,
    events: (typeof entry.events === 'string' ? JSON.parse(entry.events) : entry.events) ?? [],
  }));
}

const hasEvent = (entry: WithEvents, type: RequestEvent['type']) =>
  entry.events.some((event) => event.type === type);

const median = (sorted: number[]): number | null => {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The counts of table 三 by `row.applicant` and `row.total`: one grouped query counts each
 * applicant type × outcome into the rows a request enters (new, carried in) and leaves by.
 */
async function table3Counts(context: StatisticsContext): Promise<Map<string, number>> {
  const { base, conditions, column } = requestQuery(context);
  const sum = (name: keyof typeof conditions) =>
    context.knex.raw(`SUM(CASE WHEN ${conditions[name][0]} THEN 1 ELSE 0 END) AS ??`, [
      ...conditions[name][1],
      name,
    ]);
  const grouped = (await base
    .clone()
    .select({ applicant: column('applicantType'), outcome: column('outcome') })
    .select([sum('new'), sum('carriedIn'), sum('closed'), sum('carriedOut')])
    .groupBy(column('applicantType'), column('outcome'))) as Array<Record<string, unknown>>;

  const counts = new Map<string, number>();
  const add = (row: string, applicant: string, value: number) => {
    for (const key of [`${row}.${applicant}`, `${row}.total`]) {
      counts.set(key, (counts.get(key) ?? 0) + value);
    }
  };
  for (const entry of grouped) {
    const applicant = String(entry.applicant);
    add('new', applicant, toCount(entry.new));
    add('carriedIn', applicant, toCount(entry.carriedIn));
    add('carriedOut', applicant, toCount(entry.carriedOut));
    if (entry.outcome) {
      add(String(entry.outcome), applicant, toCount(entry.closed));
      add('resultsTotal', applicant, toCount(entry.closed));
      if (OTHER_HANDLING_OUTCOMES.includes(String(entry.outcome))) {
        add(OTHER_HANDLING, applicant, toCount(entry.closed));
      }
    }
  }
  return counts;
}

/** Table 三 as printed (2021), and beside it the 2019 format's single （六） row. */
function table3Figures(counts: Map<string, number>) {
  const columns = [...APPLICANT_COLUMNS, 'total'];
  const table3 = Object.fromEntries(
    REQUEST_ROWS.filter((row) => !row.heading).map((row) => [
      row.key,
      columns.map((applicant): Figure => ({
        key: `requests.table3:${row.key}.${applicant}`,
        label: `${row.label} · ${applicant}`,
        value: counts.get(`${row.key}.${applicant}`) ?? 0,
      })),
    ])
  );
  const otherHandlingTotal = columns.map((applicant): Figure => ({
    key: `requests.table3:${OTHER_HANDLING}.${applicant}`,
    label: `（六）其他处理（2019年试行版，三项之和） · ${applicant}`,
    value: counts.get(`${OTHER_HANDLING}.${applicant}`) ?? 0,
  }));
  return { table3, otherHandlingTotal };
}

/** Requests closed in the year on or before their due date. */
async function answeredOnTime(context: StatisticsContext): Promise<number> {
  const { base, conditions, column } = requestQuery(context);
  const [{ onTime }] = (await base
    .whereRaw(conditions.closed[0], conditions.closed[1])
    .whereRaw(`${column('answeredOn')} <= ${column('dueDate')}`)
    .count({ onTime: '*' })) as Array<{ onTime: unknown }>;
  return toCount(onTime);
}

/** The working days from receipt to answer of each request closed in the year, ascending. */
async function handlingWorkingDays(
  context: StatisticsContext,
  calendar: WorkingDayCalendar
): Promise<number[]> {
  const { base, conditions, column } = requestQuery(context);
  const closed = (await base.whereRaw(conditions.closed[0], conditions.closed[1]).select({
    receivedOn: column('receivedOn'),
    answeredOn: column('answeredOn'),
  })) as Array<{ receivedOn: unknown; answeredOn: unknown }>;
  return closed
    .map((entry) =>
      calendar.workingDaysBetween(toDateOnly(entry.receivedOn)!, toDateOnly(entry.answeredOn)!)
    )
    .sort((a, b) => a - b);
}

/** The year's new requests that had a correction request, and those extended. */
const newRequestFigures = (received: WithEvents[]) => ({
  corrections: {
    key: 'requests.corrections',
    label: '本年新收申请中一次性告知补正的',
    value: received.filter((entry) => hasEvent(entry, 'correction_requested')).length,
  } satisfies Figure,
  extensions: {
    key: 'requests.extensions',
    label: '本年新收申请中延期答复的',
    value: received.filter((entry) => hasEvent(entry, 'extended')).length,
  } satisfies Figure,
});

export function requestsProvider(): StatisticsProvider {
  return {
    name: 'requests',
    label: { 'zh-Hans': '依申请公开', en: 'Disclosure requests' },
    // Applications and their subjects: the public learns the counts from the annual report.
    isPublic: false,

    async compute(context) {
      const counts = await table3Counts(context);
      const closed = counts.get('resultsTotal.total') ?? 0;
      const onTime = await answeredOnTime(context);
      const received = await withEvents(context, 'new');
      const calendar: WorkingDayCalendar = await getService(context.strapi, 'calendar').current();
      const handlingDays = await handlingWorkingDays(context, calendar);
      return {
        ...table3Figures(counts),
        closedInYear: closed,
        onTimeRate: closed ? Math.round((onTime / closed) * 1000) / 10 : null,
        medianHandlingWorkingDays: median(handlingDays),
        ...newRequestFigures(received),
      };
    },

    async records(context, figure, page) {
      if (figure === 'requests.corrections' || figure === 'requests.extensions') {
        const type = figure === 'requests.corrections' ? 'correction_requested' : 'extended';
        const matching = (await withEvents(context, 'new')).filter((entry) =>
          hasEvent(entry, type)
        );
        const from = (page.page - 1) * page.pageSize;
        return {
          figure,
          total: matching.length,
          results: matching.slice(from, from + page.pageSize).map((entry) => ({
            uid: UID.disclosureRequest,
            documentId: entry.trackingNumber,
            locale: null,
            title: entry.title,
            date: toDateOnly(entry.receivedOn),
          })),
        };
      }
      const [name, cell = ''] = splitFigureKey(figure);
      if (name !== 'requests.table3') return null;
      const applicant = cell.slice(cell.lastIndexOf('.') + 1);
      const row = cell.slice(0, cell.lastIndexOf('.'));
      const filter = cellFilter(context, row, applicant);
      if (!filter) return null;
      const { column } = filter;
      const { total, rows } = await pageOf(
        filter.query.select({
          trackingNumber: column('trackingNumber'),
          title: column('title'),
          receivedOn: column('receivedOn'),
          answeredOn: column('answeredOn'),
        }),
        [
          { column: column('receivedOn'), order: 'desc' },
          { column: column('trackingNumber'), order: 'asc' },
        ],
        page
      );
      return {
        figure,
        total,
        results: rows.map((entry) => ({
          uid: UID.disclosureRequest,
          documentId: String(entry.trackingNumber),
          locale: null,
          title: (entry.title as string | null) ?? null,
          date: toDateOnly(entry.answeredOn ?? entry.receivedOn),
        })),
      };
    },
  };
}
