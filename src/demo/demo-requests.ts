import type { Core } from '@strapi/strapi';
import { seedOnce } from '../seed-store';
import {
  beijingDate,
  disclosureService,
  nextDate,
  type Intake,
  type StaffChannel,
  type WorkingDayCalendar,
} from 'strapi-plugin-gov-disclosure/sdk';

const applicant = (
  name: string,
  idNumber: string,
  title: string,
  extra: Partial<Intake> = {}
): Intake => ({
  applicantType: 'natural',
  name,
  contactPerson: null,
  idType: 'id_card',
  idNumber,
  phone: '13800000000',
  email: `${idNumber.slice(-4)}@applicant.example`,
  address: '示范市和平区示例路1号',
  postcode: null,
  title,
  docNumber: null,
  description: null,
  form: 'electronic',
  delivery: 'email',
  ...extra,
});

/** The working day `n` working days before `date`. */
const workingDaysBefore = (calendar: WorkingDayCalendar, date: string, n: number): string => {
  let current = date;
  for (let left = n; left > 0;) {
    current = nextDate(current, -1);
    if (calendar.isWorkingDay(current)) left -= 1;
  }
  return current;
};

/**
 * A few disclosure requests dated from today, so the office's list shows each urgency: one
 * overdue, one due within 3 working days, one paused for a third party, one on time after a
 * correction, and one answered through the whole reply flow by the demo staff.
 */
export async function seedDemoRequests(strapi: Core.Strapi): Promise<boolean> {
  const user = (email: string) =>
    strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
  const [coordinator, secrecy] = await Promise.all([
    user('coordinator@demo.gov.cn'),
    user('secrecy@demo.gov.cn'),
  ]);
  if (!coordinator || !secrecy) return false;
  return seedOnce(strapi, 'demo-requests', async () => {
    const requests = disclosureService(strapi, 'requests');
    const handling = disclosureService(strapi, 'request-handling');
    const replies = disclosureService(strapi, 'request-replies');
    const calendar = await disclosureService(strapi, 'calendar').current();
    const today = beijingDate(new Date());
    const ago = (n: number) => workingDaysBefore(calendar, today, n);
    const register = async (intake: Intake, channel: StaffChannel, receivedOn: string) =>
      (
        await disclosureService(strapi, 'request-intake').registerByStaff(
          intake,
          channel,
          receivedOn
        )
      ).trackingNumber;

    await register(
      applicant('赵明', '210102198501011111', '2025年度工业企业技术改造专项资金拨付明细'),
      'post',
      ago(23)
    );
    await register(
      applicant('钱红', '210102199002022222', '示范市工业园区规划环评批复文件'),
      'paper',
      ago(18)
    );
    const consulting = await register(
      applicant('孙亮', '210102197803033333', '某企业技术改造项目备案申报材料', {
        applicantType: 'commercial',
        idType: 'credit_code',
        idNumber: '91210100MA0DEMO33X',
        name: '示范精密机械有限公司',
        contactPerson: '孙亮',
      }),
      'in_person',
      ago(6)
    );
    await handling.addEvent(
      consulting,
      { type: 'consultation_started', date: ago(3), party: 'third_party' },
      coordinator
    );
    const corrected = await register(
      // No e-mail: the correction notice goes by fax, as the request came.
      applicant('李娜', '210102199304044444', '关于工业企业的文件', {
        email: null,
        delivery: 'fax',
      }),
      'fax',
      ago(5)
    );
    await handling.addEvent(
      corrected,
      {
        type: 'correction_requested',
        date: ago(4),
        dueBy: calendar.addWorkingDays(ago(4), 15),
      },
      coordinator
    );
    await handling.addEvent(corrected, { type: 'corrected', date: ago(2) }, coordinator);
    const answered = await register(
      applicant('周强', '210102198805055555', '2018年民爆安全生产许可初审结果', {
        delivery: 'post',
        email: null,
      }),
      'post',
      ago(12)
    );
    await replies.draft(answered, { outcome: 'disclosed' }, coordinator);
    const { reply } = await requests.find(answered);
    await replies.clear(answered, { hash: reply?.hash }, secrecy);
    await replies.recordDelivery(answered, { date: ago(1), method: 'post' }, coordinator);
  });
}
