import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { nextOrRefuse, requirePart } from '../../kernel/refusal';
import { ACTIONS, PLUGIN_ID, UID } from '../../kernel/constants';
import { divisionType, type DisclosureConfig } from '../../kernel/config';
import type { Actor, AdminUser } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import type { InquiryChannel } from '../../../../shared/inquiries/contracts';
import { factsOf, labelOf, type InquiryRow } from '../domain/inquiry';
import { decide, type InquiryAction, type InquiryState, type Part } from '../domain/transitions';
import type { CaseStepDetails } from '../../kernel/services/audit';
import { getService } from '../../get-service';

/** Whoever looks at or acts on inquiries: their rights and their division (a code, null for none). */
export interface InquiryViewer extends AdminUser {
  canHandle: boolean;
  canAssign: boolean;
  canClear: boolean;
  division: string | null;
}

/** The parts a viewer plays on a case; none: the case is not theirs to see. */
export function partsOf(viewer: InquiryViewer, row: Pick<InquiryRow, 'division'>): Part[] {
  const parts: Part[] = [];
  // A user without a division is not scoped (kernel staff rule): the coordinator, a super admin.
  const unscoped = viewer.division === null;
  if (viewer.canAssign) parts.push('coordinator');
  if (viewer.canHandle && (unscoped || (row.division !== null && viewer.division === row.division)))
    parts.push('handler');
  if (viewer.canClear) parts.push('reviewer');
  return parts;
}

const PART_NAMES: Record<Part, string> = {
  handler: 'the assigned division (承办处室)',
  coordinator: 'the coordinator (政务公开协调员)',
  reviewer: 'a confidentiality reviewer (保密审查员)',
};

/**
 * The records of public inquiries (留言办理), shared by every verb: the personal-data key, the
 * configured deadlines, one case by id as a viewer may see it, the step each verb takes (the
 * case's lock, the transition table, the audit trail) and the divisions by code.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.inquiry);
  const config = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);

  return {
    /**
     * The personal-data key (the kernel's), or an error naming the missing setting; 503 while it
     * is not the key of the stored data.
     */
    key(): Buffer {
      return getService(strapi, 'personal-data').key(
        'Inquiries cannot be registered: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
      );
    },

    /** The reply period of a channel in working days (config `inquiries.replyWorkingDays`). */
    replyWorkingDays(channel: InquiryChannel): number {
      const days = config().inquiries?.replyWorkingDays?.[channel];
      return typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : 10;
    },

    /** Months after receipt at which an open message is flagged (config `inquiries.warnAfterMonths`, 2). */
    warnAfterMonths(): number {
      const months = config().inquiries?.warnAfterMonths;
      return typeof months === 'number' && Number.isInteger(months) && months > 0 && months < 3
        ? months
        : 2;
    },

    /** The viewer: RBAC abilities and their division's code. */
    async viewerOf(
      user: AdminUser,
      ability: { can(action: string): boolean }
    ): Promise<InquiryViewer> {
      return {
        ...user,
        canHandle: ability.can(ACTIONS.handleInquiries),
        canAssign: ability.can(ACTIONS.assignInquiries),
        canClear: ability.can(ACTIONS.approveConfidentiality),
        division: await this.divisionCodeOf(Number(user.id)),
      };
    },

    /** The code of the division an admin user belongs to, or null for none. */
    async divisionCodeOf(userId: number): Promise<string | null> {
      const documentId = await getService(strapi, 'staff').divisionOf(userId);
      const type = divisionType(strapi);
      if (!documentId || !type) return null;
      const department = await strapi
        .documents(type)
        .findFirst({ filters: { documentId }, status: 'draft', fields: ['code'] });
      return department ? String(department.code) : null;
    },

    /** Every division's name by its code, in the catalogue's order. */
    async divisionNames(): Promise<Map<string, string>> {
      const type = divisionType(strapi);
      if (!type) return new Map();
      const all = await strapi.documents(type).findMany({
        status: 'draft',
        fields: ['name', 'code'],
        sort: ['sortOrder:asc', 'code:asc'],
        limit: 1000,
      });
      return new Map(all.map((entry) => [String(entry.code), String(entry.name)]));
    },

    /** The division with this code, or a 400 naming `field`. */
    async checkDivision(code: string, field: string): Promise<{ code: string; name: string }> {
      const division = await getService(strapi, 'staff').divisionByCode(code);
      if (!division) {
        const message = `"${field}" must be the code of a division (处室): no division "${code}".`;
        throw new errors.ValidationError(message, { key: field, errors: [{ field, message }] });
      }
      return division;
    },

    /** The case, or 404. */
    async find(id: number): Promise<InquiryRow> {
      const row: InquiryRow | null = await rows().findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError(`No inquiry ${id}.`);
      return row;
    },

    /** The case as this viewer may see it: another division's gets the same 404 as an unknown one. */
    async findFor(id: number, viewer: InquiryViewer): Promise<{ row: InquiryRow; parts: Part[] }> {
      const row = await this.find(id);
      const parts = partsOf(viewer, row);
      if (parts.length === 0) throw new errors.NotFoundError(`No inquiry ${id}.`);
      return { row, parts };
    },

    /** Runs one step of a case alone: its lock (in-process queue, PostgreSQL advisory lock). */
    locked<T>(id: number, fn: () => Promise<T>): Promise<T> {
      return serialize(strapi, `disclosure-inquiry:${id}`, fn);
    },

    /**
     * One step of a case: under its lock, the case re-read, the viewer's part checked (none: 404;
     * not the action's: 403), the transition table asked (a refusal is a 400 with its sentence,
     * 403 for four eyes), then `apply` writes the step, given the state it leads to.
     */
    step<T>(
      id: number,
      action: InquiryAction,
      viewer: InquiryViewer,
      parts: readonly Part[],
      apply: (row: InquiryRow, next: InquiryState) => Promise<T>
    ): Promise<T> {
      return this.locked(id, async () => {
        const { row, parts: held } = await this.findFor(id, viewer);
        requirePart(held, parts, PART_NAMES, action, labelOf(row));
        return apply(row, nextOrRefuse(decide(factsOf(row), action, Number(viewer.id))));
      });
    },

    /** Writes fields of a case (inside its step). */
    async save(row: Pick<InquiryRow, 'id'>, data: Partial<InquiryRow>): Promise<void> {
      await rows().update({ where: { id: row.id }, data });
    },

    /** Writes one step of a case to the audit trail (the case's id is its documentId). */
    async record(
      row: Pick<InquiryRow, 'id' | 'state'>,
      action: string,
      actor: Actor,
      extra: CaseStepDetails = {}
    ) {
      await getService(strapi, 'audit').caseStep(
        { contentType: UID.inquiry, id: String(row.id), state: row.state },
        action,
        actor,
        extra
      );
    },
  };
};
