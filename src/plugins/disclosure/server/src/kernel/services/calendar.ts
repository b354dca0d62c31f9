import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import { WorkingDayCalendar, isDate, type CalendarOverride } from '../domain/calendar';
import { toDateOnly } from '../../../../shared/kernel/dates';

/**
 * The working-day calendar with the coordinator's overrides (a State Council notice the library
 * does not know yet).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const overrides = () => strapi.db.query(UID.calendarOverride);

  const list = async (): Promise<CalendarOverride[]> =>
    (
      (await overrides().findMany({ orderBy: { date: 'asc' } })) as Array<{
        date: unknown;
        isWorking: boolean;
        note: string;
      }>
    ).map((row) => ({
      date: toDateOnly(row.date)!,
      isWorking: Boolean(row.isWorking),
      note: row.note,
    }));

  return {
    list,

    /** The calendar deadlines are computed with now. */
    async current(): Promise<WorkingDayCalendar> {
      return new WorkingDayCalendar(await list());
    },

    /** Sets one date as worked or not (upsert). */
    async setOverride(date: string, body: unknown) {
      const { isWorking, note } = (body ?? {}) as { isWorking?: unknown; note?: unknown };
      if (!isDate(date)) {
        throw new errors.ValidationError(`"${String(date)}" is not a date (YYYY-MM-DD).`, {
          key: 'date',
        });
      }
      if (typeof isWorking !== 'boolean') {
        throw new errors.ValidationError('"isWorking" must be true or false.', {
          key: 'isWorking',
        });
      }
      if (typeof note !== 'string' || !note.trim() || note.length > 200) {
        throw new errors.ValidationError('"note" names the notice (up to 200 characters).', {
          key: 'note',
        });
      }
      const existing = await overrides().findOne({ where: { date } });
      const data = { date, isWorking, note: note.trim() };
      if (existing) await overrides().update({ where: { id: existing.id }, data });
      else await overrides().create({ data });
      return data;
    },
  };
};
