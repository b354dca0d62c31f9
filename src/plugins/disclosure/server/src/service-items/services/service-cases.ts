import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { nextOrRefuse } from '../../kernel/refusal';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import {
  CASE_ACTIONS,
  URGENCY_ORDER,
  type CaseAction,
  type CaseApplicantType,
  type CaseState,
  type CaseUrgency,
  type Decision,
} from '../../../../shared/service-items/cases';
import type {
  CaseEvent,
  CaseList,
  CaseStepInput,
  CaseSummary,
  CaseView,
  ImportReport,
  RegisterCaseInput,
} from '../../../../shared/service-items/contracts';
import { getService } from '../../get-service';
import { UID } from '../../kernel/constants';
import type { WorkingDayCalendar } from '../../kernel/domain/calendar';
import { coversDivision } from '../../kernel/domain/divisions';
import { mask } from '../../kernel/domain/personal-data';
import type { Actor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { CsvFileError, readImport, timelineOf, type ImportedCase } from '../domain/csv-import';
import { caseDeadlines, urgencyOf } from '../domain/deadlines';
import { allowedActions, decide } from '../domain/transitions';

/** A stored case. The applicant's name, identity number and phone are encrypted. */
export interface CaseRow {
  id: number;
  caseNumber: string;
  serviceItem: string;
  itemName: string;
  itemType: string;
  division: string | null;
  source: 'staff' | 'import';
  applicantType: CaseApplicantType;
  applicant: string;
  idNumber: string | null;
  phone: string | null;
  state: CaseState;
  decision: Decision | null;
  appliedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  promisedDays: number | null;
  legalDays: number | null;
  promisedDue: string | null;
  legalDue: string | null;
  events: CaseEvent[] | null;
  remindedDueSoonOn: string | null;
  remindedOverdueOn: string | null;
}

/** Who looks: the staff member's division (null = every division: the coordinator). */
export interface CaseViewer {
  division: string | null;
}

const IMPORTER = '导入（省政务服务网）';

/**
 * Service cases (办件): registered by staff or imported from the provincial service site's CSV
 * export, then taken through 受理 → 审查 → 决定 → 送达 by the transition table, each step dated and
 * signed on the case's timeline. Staff of a division see and handle only the cases of items their
 * division carries out (another division's case is a 404); the coordinator sees all.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.serviceCase);
  const items = () => getService(strapi, 'service-items');
  const calendar = (): Promise<WorkingDayCalendar> => getService(strapi, 'calendar').current();

  const personalData = () => getService(strapi, 'personal-data');
  /** 400 naming the setting when there is no key; 503 while it is not the stored data's. */
  const key = (): Buffer =>
    personalData().key(
      "Service cases cannot be registered: the server has no DISCLOSURE_PERSONAL_DATA_KEY to encrypt applicants' data."
    );
  const seal = (value: string | null | undefined) => (value ? personalData().encrypt(value) : null);
  const open = (value: string | null) => (value ? personalData().decrypt(value) : null);

  const record = (
    row: Pick<CaseRow, 'caseNumber' | 'state'>,
    action: string,
    actor: Actor,
    toState: string,
    reason: string | null = null
  ) =>
    getService(strapi, 'audit').caseStep(
      { contentType: UID.serviceCase, id: row.caseNumber, state: row.state },
      action,
      actor,
      { toState, reason }
    );

  const summaryOf = (row: CaseRow, cal: WorkingDayCalendar, today: string): CaseSummary => {
    const dates = { promisedDue: toDateOnly(row.promisedDue), legalDue: toDateOnly(row.legalDue) };
    return {
      caseNumber: row.caseNumber,
      serviceItem: row.serviceItem,
      itemName: row.itemName,
      division: row.division ?? null,
      source: row.source,
      applicantType: row.applicantType,
      applicantMasked: mask(open(row.applicant) ?? ''),
      state: row.state,
      decision: row.decision ?? null,
      appliedOn: toDateOnly(row.appliedOn) ?? '',
      acceptedOn: toDateOnly(row.acceptedOn),
      decidedOn: toDateOnly(row.decidedOn),
      closedOn: toDateOnly(row.closedOn),
      ...dates,
      urgency: urgencyOf(cal, today, row.state, dates),
    };
  };

  /** The case if the viewer's division covers it; else 404, as for a case that does not exist. */
  const find = async (caseNumber: string, viewer: CaseViewer): Promise<CaseRow> => {
    const row = (await rows().findOne({ where: { caseNumber } })) as CaseRow | null;
    if (!row || !coversDivision(viewer.division, row.division ?? null)) {
      throw new errors.NotFoundError(`No service case ${caseNumber}.`);
    }
    return row;
  };

  const lastDate = (row: CaseRow) =>
    (row.events ?? []).reduce(
      (latest, event) => (event.date > latest ? event.date : latest),
      toDateOnly(row.appliedOn) ?? ''
    );

  /** A new case number: FW + the year of application + a 5-digit serial. */
  const nextCaseNumber = async (appliedOn: string): Promise<string> => {
    const prefix = `FW${appliedOn.slice(0, 4)}-`;
    const taken = (await rows().findMany({
      where: { caseNumber: { $startsWith: prefix } },
      select: ['caseNumber'],
    })) as Array<{ caseNumber: string }>;
    const highest = taken.reduce(
      (max, { caseNumber }) => Math.max(max, Number(caseNumber.slice(prefix.length)) || 0),
      0
    );
    return `${prefix}${String(highest + 1).padStart(5, '0')}`;
  };

  return {
    /** The division of an admin user (null: every division). */
    async viewerOf(userId: number): Promise<CaseViewer> {
      return { division: await getService(strapi, 'staff').divisionOf(userId) };
    },

    /** One case as the viewer sees it (applicant in clear: they handle it), or 404. */
    async show(caseNumber: string, viewer: CaseViewer): Promise<CaseView> {
      const row = await find(caseNumber, viewer);
      key();
      const summary = summaryOf(row, await calendar(), beijingDate(new Date()));
      return {
        ...summary,
        applicant: open(row.applicant) ?? '',
        idNumber: open(row.idNumber),
        phone: open(row.phone),
        promisedDays: row.promisedDays ?? null,
        legalDays: row.legalDays ?? null,
        events: row.events ?? [],
        allowedActions: allowedActions(row.state),
      };
    },

    /**
     * The viewer's cases, the most pressing first (beyond the legal limit, overdue, due soon, on
     * time, not yet accepted, closed), open ones by due date, closed ones latest first. Urgency depends on today and the
     * calendar, so the viewer's cases are ranked here, not in SQL.
     */
    async list(
      query: {
        state?: CaseState;
        item?: string;
        urgency?: CaseUrgency;
        page: number;
        pageSize: number;
      },
      viewer: CaseViewer
    ): Promise<CaseList> {
      const where: Record<string, unknown> = {};
      if (viewer.division) where.division = viewer.division;
      if (query.state) where.state = query.state;
      if (query.item) where.serviceItem = query.item;
      const found = (await rows().findMany({
        where,
        orderBy: [{ appliedOn: 'desc' }, { id: 'desc' }],
      })) as CaseRow[];
      key();
      const cal = await calendar();
      const today = beijingDate(new Date());
      const rank = (urgency: CaseUrgency) => URGENCY_ORDER.indexOf(urgency);
      const all = found
        .map((row) => summaryOf(row, cal, today))
        .filter((entry) => !query.urgency || entry.urgency === query.urgency)
        .sort(
          (a, b) =>
            rank(a.urgency) - rank(b.urgency) ||
            (a.urgency === 'closed'
              ? (b.closedOn ?? '').localeCompare(a.closedOn ?? '')
              : (a.promisedDue ?? a.legalDue ?? '9999').localeCompare(
                  b.promisedDue ?? b.legalDue ?? '9999'
                ))
        );
      const start = (query.page - 1) * query.pageSize;
      return {
        data: all.slice(start, start + query.pageSize),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total: all.length,
            pageCount: Math.ceil(all.length / query.pageSize),
          },
        },
      };
    },

    /**
     * Registers an application (申请) for a published item in force on the day applied; the
     * item's time limits are copied onto the case. 403 for an item of another division.
     */
    async register(input: RegisterCaseInput, viewer: CaseViewer, actor: Actor): Promise<CaseView> {
      key();
      const item = await items().published(input.serviceItem);
      if (!item) {
        throw new errors.ValidationError(
          `"serviceItem": no published service item ${input.serviceItem}.`,
          { key: 'serviceItem' }
        );
      }
      if (!coversDivision(viewer.division, item.division ?? null)) {
        throw new errors.PolicyError(
          'This service item is carried out by another division: its staff register its cases.'
        );
      }
      const withdrawnOn = item.lifecycle === 'withdrawn' ? toDateOnly(item.withdrawnOn) : null;
      if (withdrawnOn && input.appliedOn >= withdrawnOn) {
        throw new errors.ValidationError(
          `"appliedOn": 「${item.name}」 was withdrawn on ${withdrawnOn}.`,
          { key: 'appliedOn' }
        );
      }
      const caseNumber = await serialize(strapi, 'disclosure-service-case-numbers', async () => {
        const number = input.caseNumber ?? (await nextCaseNumber(input.appliedOn));
        if (await rows().findOne({ where: { caseNumber: number }, select: ['id'] })) {
          throw new errors.ValidationError(`"caseNumber": ${number} is already registered.`, {
            key: 'caseNumber',
          });
        }
        const event: CaseEvent = {
          type: 'applied',
          date: input.appliedOn,
          actorId: actor.id,
          actorName: actor.name,
          note: input.note ?? null,
          recordedAt: new Date().toISOString(),
        };
        await rows().create({
          data: {
            caseNumber: number,
            serviceItem: item.documentId,
            itemName: item.name ?? '',
            itemType: item.itemType,
            division: item.division ?? null,
            source: 'staff',
            applicantType: input.applicantType,
            applicant: seal(input.applicant.trim()),
            idNumber: seal(input.idNumber),
            phone: seal(input.phone),
            state: 'applied',
            appliedOn: input.appliedOn,
            promisedDays: item.promisedDays ?? null,
            legalDays: item.legalDays ?? null,
            events: [event],
          },
        });
        await record(
          { caseNumber: number, state: 'applied' },
          'service_case_registered',
          actor,
          'applied'
        );
        return number;
      });
      return this.show(caseNumber, viewer);
    },

    /**
     * One step of a case (受理, 不予受理, 审查, 决定, 送达) under its lock: the transition table
     * asked (a step out of turn is a 400 with its sentence), the date checked against the
     * timeline, the step written and signed. 受理 starts the clock (承诺时限 / 法定时限).
     */
    async step(
      caseNumber: string,
      action: CaseAction,
      input: CaseStepInput,
      viewer: CaseViewer,
      actor: Actor
    ): Promise<CaseView> {
      await serialize(strapi, `disclosure-service-case:${caseNumber}`, async () => {
        const row = await find(caseNumber, viewer);
        const next = nextOrRefuse(decide(row.state, action));
        const since = lastDate(row);
        if (input.date < since) {
          throw new errors.ValidationError(
            `"date": ${CASE_ACTIONS[action]} cannot be dated before the case's last step (${since}).`,
            { key: 'date' }
          );
        }
        const data: Partial<CaseRow> = { state: next };
        if (action === 'accept') {
          data.acceptedOn = input.date;
          Object.assign(
            data,
            caseDeadlines(await calendar(), input.date, row.promisedDays, row.legalDays)
          );
        }
        if (action === 'decide') {
          data.decidedOn = input.date;
          data.decision = input.decision ?? null;
        }
        if (action === 'refuse' || action === 'deliver') data.closedOn = input.date;
        const event: CaseEvent = {
          type: action,
          date: input.date,
          actorId: actor.id,
          actorName: actor.name,
          note: input.note ?? null,
          ...(action === 'decide' && input.decision ? { decision: input.decision } : {}),
          recordedAt: new Date().toISOString(),
        };
        await rows().update({
          where: { id: row.id },
          data: { ...data, events: [...(row.events ?? []), event] },
        });
        await record(row, `service_case_${action}`, actor, next, input.note ?? null);
      });
      return this.show(caseNumber, viewer);
    },

    /**
     * Imports the provincial CSV export. A dry run reports, row by row, what would be imported and
     * why a row is refused. The import itself takes all rows or none: one refused row, and the
     * answer is a 400 carrying the same report with nothing stored; otherwise all rows are stored
     * in one transaction.
     */
    async import(
      csv: string,
      dryRun: boolean,
      viewer: CaseViewer,
      actor: Actor
    ): Promise<ImportReport> {
      key();
      const catalogue = await items().catalogue(viewer.division);
      const existing = new Set(
        ((await rows().findMany({ select: ['caseNumber'] })) as Array<{ caseNumber: string }>).map(
          (row) => row.caseNumber
        )
      );
      let read: { rows: ImportReport['rows']; cases: ImportedCase[] };
      try {
        read = readImport(csv, catalogue, existing, beijingDate(new Date()));
      } catch (error) {
        if (error instanceof CsvFileError)
          throw new errors.ValidationError(error.message, { key: 'csv' });
        throw error;
      }
      const refused = read.rows.filter((row) => row.outcome === 'refused').length;
      const report: ImportReport = {
        dryRun,
        imported: 0,
        importable: read.cases.length,
        refused,
        rows: read.rows,
      };
      if (dryRun) return report;
      if (refused) {
        throw new errors.ValidationError(
          `${refused} row(s) of the file are refused: nothing was imported. Correct them and import the whole file again.`,
          { key: 'csv', report }
        );
      }
      const cal = await calendar();
      const recordedAt = new Date().toISOString();
      await strapi.db.transaction(async () => {
        for (const entry of read.cases) {
          const item = catalogue.get(entry.itemName)!.row;
          const events = timelineOf(entry, IMPORTER, recordedAt);
          await rows().create({
            data: {
              caseNumber: entry.caseNumber,
              serviceItem: entry.serviceItem,
              itemName: entry.itemName,
              itemType: item.itemType,
              division: item.division ?? null,
              source: 'import',
              applicantType: entry.applicantType,
              applicant: seal(entry.applicant),
              idNumber: seal(entry.idNumber),
              phone: seal(entry.phone),
              state: entry.state,
              decision: entry.decision,
              appliedOn: entry.appliedOn,
              acceptedOn: entry.acceptedOn,
              decidedOn: entry.decidedOn,
              closedOn: entry.closedOn,
              promisedDays: item.promisedDays ?? null,
              legalDays: item.legalDays ?? null,
              ...caseDeadlines(
                cal,
                entry.acceptedOn,
                item.promisedDays ?? null,
                item.legalDays ?? null
              ),
              events,
            },
          });
        }
        await record(
          { caseNumber: `import:${read.cases.length}`, state: '-' as CaseState },
          'service_cases_imported',
          actor,
          '-',
          `${read.cases.length} case(s): ${read.cases
            .map((entry) => entry.caseNumber)
            .join(', ')
            .slice(0, 1900)}`
        );
      });
      return { ...report, imported: read.cases.length };
    },
  };
};
