import type { Core } from '@strapi/strapi';
import { divisionType } from '../../kernel/config';
import { ACTIONS, UID } from '../../kernel/constants';
import { STATE_LABELS, type State } from '../../../../shared/review/workflow';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import type { ReviewRow } from './review-state';
import type { QueueResponse } from '../../../../shared/review/contracts';
import { getService } from '../../get-service';

export interface QueueQuery {
  state?: State;
  column?: string;
  department?: string;
  page: number;
  pageSize: number;
}

/**
 * 审核任务: what waits for this user. Without a state filter: what their roles act on next
 * (division reviewers: submitted; confidentiality reviewers: awaiting 保密审查; editors: returned
 * drafts and cleared items to publish). Editors and division reviewers see their division only.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forUser(user: AdminUser, ability: Ability, query: QueueQuery): Promise<QueueResponse> {
    const division = await getService(strapi, 'staff').divisionOf(user.id);
    const states: State[] = query.state ? [query.state] : defaultStates(ability);
    const where: Record<string, unknown> = { state: { $in: states } };
    if (query.column) where.columnCode = query.column;
    // Editors and division reviewers see the items their division covers (coversDivision):
    // their own and those of no division.
    if (division) where.$or = [{ department: division }, { department: null }];
    else if (query.department) where.department = query.department;

    const rows = strapi.db.query(UID.review);
    const [results, total] = await Promise.all([
      rows.findMany({
        where,
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }) as Promise<ReviewRow[]>,
      rows.count({ where }),
    ]);
    const divisions = divisionType(strapi);
    const departments = divisions
      ? await strapi
          .documents(divisions)
          .findMany({ status: 'draft', fields: ['name'], sort: ['sortOrder:asc'] })
      : [];
    return {
      data: results.map((row) => ({
        contentType: row.itemUid,
        documentId: row.itemDocumentId,
        locale: row.itemLocale,
        title: row.title,
        state: row.state,
        stateLabel: STATE_LABELS[row.state],
        column: row.columnCode,
        department: row.department,
        submittedAt: row.submittedAt,
        lastReason: row.lastReason,
      })),
      meta: {
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total,
          pageCount: Math.ceil(total / query.pageSize),
        },
        /** The divisions, to name them and to filter by them. */
        departments: departments.map((department) => ({
          documentId: department.documentId,
          name: department.name as string,
        })),
        /** The user's own division, which scopes the queue, or null. */
        division,
      },
    };
  },
});

function defaultStates(ability: Ability): State[] {
  const states = new Set<State>();
  if (ability.can(ACTIONS.approveDivision)) states.add('submitted');
  if (ability.can(ACTIONS.approveConfidentiality)) states.add('division_approved');
  if (ability.can(ACTIONS.submit))
    ['draft', 'cleared'].forEach((state) => states.add(state as State));
  if (ability.can(ACTIONS.unpublish)) {
    ['submitted', 'division_approved', 'cleared', 'withheld'].forEach((state) =>
      states.add(state as State)
    );
  }
  return [...states];
}
