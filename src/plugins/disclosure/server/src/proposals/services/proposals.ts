import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { nextOrRefuse, requirePart } from '../../kernel/refusal';
import { ACTIONS, PLUGIN_ID, UID } from '../../kernel/constants';
import { divisionType } from '../../kernel/config';
import type { Actor, AdminUser } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { DEFAULT_REPLY_MONTHS, factsOf, labelOf, type ProposalRow } from '../domain/proposal';
import { decide, type Part, type ProposalAction, type ProposalState } from '../domain/transitions';
import type { CaseStepDetails } from '../../kernel/services/audit';
import { getService } from '../../get-service';

/** Whoever looks at or acts on cases: their rights and their division (a code, null for none). */
export interface ProposalViewer extends AdminUser {
  canHandle: boolean;
  canAssign: boolean;
  canClear: boolean;
  division: string | null;
}

/** The parts a viewer plays on a case; none: the case is not theirs to see. */
export function partsOf(
  viewer: ProposalViewer,
  row: Pick<ProposalRow, 'lead' | 'coHandlers'>
): Part[] {
  const parts: Part[] = [];
  const coHandlers = (row.coHandlers ?? []).map((co) => co.division);
  // A user without a division is not scoped (kernel staff rule): the coordinator, a super admin.
  const unscoped = viewer.division === null;
  if (viewer.canAssign) parts.push('coordinator');
  if (viewer.canHandle && (unscoped || viewer.division === row.lead)) parts.push('lead');
  if (
    viewer.canHandle &&
    coHandlers.length > 0 &&
    (unscoped || coHandlers.includes(viewer.division ?? ''))
  ) {
    parts.push('co_handler');
  }
  if (viewer.canClear) parts.push('reviewer');
  return parts;
}

/** The plugin config's reply period in months (`proposalReplyMonths`), 3 by default. */
export const replyMonthsOf = (strapi: Core.Strapi): number => {
  const configured = strapi.config.get(`plugin::${PLUGIN_ID}.proposalReplyMonths`);
  return typeof configured === 'number' && Number.isInteger(configured) && configured > 0
    ? configured
    : DEFAULT_REPLY_MONTHS;
};

/**
 * The records of suggestions and proposals (建议提案), shared by every verb: the personal-data key,
 * one case by id as a viewer may see it, the step each verb takes (the case's lock, the transition
 * table, the audit trail), and the divisions by code.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.proposal);

  return {
    /**
     * The personal-data key (the kernel's), or an error naming the missing setting; 503 while it
     * is not the key of the stored data.
     */
    key(): Buffer {
      return getService(strapi, 'personal-data').key(
        'Suggestions and proposals cannot be registered: the server has no DISCLOSURE_PERSONAL_DATA_KEY.'
      );
    },

    /** The viewer of a request: RBAC abilities and their division's code. */
    async viewerOf(
      user: AdminUser,
      ability: { can(action: string): boolean }
    ): Promise<ProposalViewer> {
      return {
        ...user,
        canHandle: ability.can(ACTIONS.handleProposals),
        canAssign: ability.can(ACTIONS.assignProposals),
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

    /** Every division's name by its code, in the catalogue's order (none when the host has no divisions). */
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
        throw new errors.ValidationError(
          `"${field}" must be the code of a division (处室): no division "${code}".`,
          {
            key: field,
            errors: [{ field, message: `No division "${code}".` }],
          }
        );
      }
      return division;
    },

    /** The case, or 404. */
    async find(id: number): Promise<ProposalRow> {
      const row: ProposalRow | null = await rows().findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError(`No proposal ${id}.`);
      return row;
    },

    /**
     * The case as this viewer may see it: a division that is neither lead nor co-handler gets the
     * same 404 as an unknown case (it does not learn that the case exists).
     */
    async findFor(
      id: number,
      viewer: ProposalViewer
    ): Promise<{ row: ProposalRow; parts: Part[] }> {
      const row = await this.find(id);
      const parts = partsOf(viewer, row);
      if (parts.length === 0) throw new errors.NotFoundError(`No proposal ${id}.`);
      return { row, parts };
    },

    /** Runs one step of a case alone: its lock (in-process queue, PostgreSQL advisory lock) and a transaction. */
    locked<T>(id: number, fn: () => Promise<T>): Promise<T> {
      return serialize(strapi, `disclosure-proposal:${id}`, fn);
    },

    /**
     * One step of a case, as every verb takes it: under the case's lock and in its transaction,
     * the case re-read, the viewer's part checked (none: 404; not the action's: 403), the
     * transition table asked — a refusal is a 400 with its sentence (403 for four eyes) — then
     * `apply` writes the step, given the state the table leads to.
     */
    step<T>(
      id: number,
      action: ProposalAction,
      viewer: ProposalViewer,
      parts: readonly Part[],
      apply: (row: ProposalRow, next: ProposalState) => Promise<T>
    ): Promise<T> {
      return this.locked(id, async () => {
        const { row, parts: held } = await this.findFor(id, viewer);
        requirePart(held, parts, PART_NAMES, action, labelOf(row));
        return apply(row, nextOrRefuse(decide(factsOf(row), action, Number(viewer.id))));
      });
    },

    /** Writes fields of a case (inside its step). */
    async save(row: Pick<ProposalRow, 'id'>, data: Partial<ProposalRow>): Promise<void> {
      await rows().update({ where: { id: row.id }, data });
    },

    /** Writes one step of a case to the audit trail (the case's id is its documentId). */
    async record(
      row: Pick<ProposalRow, 'id' | 'state'>,
      action: string,
      actor: Actor,
      extra: CaseStepDetails = {}
    ) {
      await getService(strapi, 'audit').caseStep(
        { contentType: UID.proposal, id: String(row.id), state: row.state },
        action,
        actor,
        extra
      );
    },
  };
};

const PART_NAMES: Record<Part, string> = {
  lead: 'the lead division (主办)',
  co_handler: 'a co-handler division (协办)',
  coordinator: 'the coordinator (政务公开协调员)',
  reviewer: 'a confidentiality reviewer (保密审查员)',
};
