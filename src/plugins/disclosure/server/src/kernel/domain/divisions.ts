/**
 * The division rule (本处室), in one place: editors and division reviewers act on their own
 * division's items; staff without a division (the coordinator, 保密审查员, super admins) act on
 * every item, and an item of no division (leaders, the organisation profile, the guide) is open to
 * every division. Divisions are named by the department's documentId. Pure.
 */
export const coversDivision = (
  staffDivision: string | null,
  itemDivision: string | null
): boolean => staffDivision === null || itemDivision === null || staffDivision === itemDivision;
