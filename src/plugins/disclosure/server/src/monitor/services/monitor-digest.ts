import type { Core } from '@strapi/strapi';
import { beijingDate } from '../../../../shared/kernel/dates';
import { PLUGIN_ID } from '../../kernel/constants';
import { serialize } from '../../kernel/services/locks';
import { getService } from '../../get-service';
import { digestNotices, type DigestMarks, type DigestNotice } from '../domain/timeliness';
import { monitorMail, type ColumnNotice } from '../mail';

const MARKS_KEY = 'monitor-digest-marks';

/**
 * The monitor's daily job: a digest of the columns about to go stale (due soon) and of those that
 * went stale, to each column's division reviewers (处室审核人, the division's head) and to the
 * coordinators, once per column, threshold and stale date. Runs under a database lock and stores
 * what it noticed (the plugin store) in the same transaction, so with several app processes each
 * notice goes once; the mails go after the marks are committed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });

  const sweep = async (today: string): Promise<ColumnNotice[]> => {
    const { columns } = await getService(strapi, 'monitor').assess(today);
    const marks = ((await store().get({ key: MARKS_KEY })) as DigestMarks | null) ?? {};
    const notices = digestNotices(columns, marks);
    if (notices.length === 0) return [];
    const next: DigestMarks = { ...marks };
    for (const notice of notices) {
      next[notice.code] = { ...next[notice.code], [notice.threshold]: notice.staleOn };
    }
    await store().set({ key: MARKS_KEY, value: next });
    const byCode = new Map(columns.map((column) => [column.code, column]));
    return notices.map((notice: DigestNotice) => ({ ...notice, column: byCode.get(notice.code)! }));
  };

  return {
    /** Runs the job for `today` (Beijing date); the columns and thresholds it noticed. */
    async run(today = beijingDate(new Date())) {
      const notices = await serialize(strapi, 'disclosure-monitor-digest', () => sweep(today));
      await monitorMail(strapi).digest(notices, today);
      return {
        notices: notices.map(({ code, threshold, staleOn }) => ({ code, threshold, staleOn })),
      };
    },
  };
};
