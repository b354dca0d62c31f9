import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { WorkingDayCalendar, type CalendarOverride } from '../domain/calendar';
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

    /** Sets one date as worked or not (upsert); the caller has validated the date and note. */
    async setOverride({ date, isWorking, note }: CalendarOverride): Promise<CalendarOverride> {
      const existing = await overrides().findOne({ where: { date } });
      const data = { date, isWorking, note };
      if (existing) await overrides().update({ where: { id: existing.id }, data });
      else await overrides().create({ data });
      return data;
    },
  };
};
