import { feeByCount } from '../../../../shared/requests/fees';
import { noticeFor } from './notices';

const input = {
  trackingNumber: 'YSQ20261102-000001',
  applicantName: '张三',
  title: '备案清单',
  bureau: '示范市工业和信息化局',
  dueDate: '2026-12-08',
};

describe('notices to the applicant', () => {
  it('asks for the correction by its date, citing Art. 30', () => {
    const notice = noticeFor(
      { type: 'correction_requested', date: '2026-11-03', dueBy: '2026-11-24' },
      input
    )!;
    expect(notice.subject).toBe('政府信息公开申请补正告知书（YSQ20261102-000001）');
    expect(notice.text).toContain('张三：');
    expect(notice.text).toContain('请您于2026-11-24前对申请作出补正');
    expect(notice.text).toContain('第三十条');
  });

  it('announces an extension with its days, reason and new due date, citing Art. 33', () => {
    const notice = noticeFor(
      { type: 'extended', date: '2026-11-20', days: 5, approver: '李主任', reason: '需要征求意见' },
      input
    )!;
    expect(notice.text).toContain('因需要征求意见，需要延长答复期限');
    expect(notice.text).toContain('答复期限延长5个工作日，本机关将于2026-12-08前答复');
  });

  it("states the fee's basis, standard, amount, way of paying and last day (收费通知)", () => {
    const notice = noticeFor(
      { type: 'fee_notice', date: '2026-11-20', fee: feeByCount(12) },
      { ...input, feeDueDate: '2026-12-18', feePayment: '请到本机关办理缴费手续。' }
    )!;
    expect(notice.subject).toBe('政府信息公开信息处理费收费通知书（YSQ20261102-000001）');
    expect(notice.text).toContain('第四十二条');
    expect(notice.text).toContain('国办函〔2020〕109号');
    expect(notice.text).toContain('本机关决定收取信息处理费100元');
    expect(notice.text).toContain('本申请为申请人本自然月内第12件申请');
    expect(notice.text).toContain('缴纳方式：请到本机关办理缴费手续。');
    expect(notice.text).toContain('请于2026-12-18前缴纳。逾期未缴纳的，视为放弃申请');
  });

  it('has nothing to say for other steps', () => {
    expect(noticeFor({ type: 'corrected', date: '2026-11-05' }, input)).toBeNull();
    expect(noticeFor({ type: 'fee_notice', date: '2026-11-05' }, input)).toBeNull();
    // A notice sent by post is not e-mailed as well: its receipt is the delivery date.
    expect(
      noticeFor(
        { type: 'fee_notice', date: '2026-11-05', via: 'post', fee: feeByCount(12) },
        { ...input, feeDueDate: null }
      )
    ).toBeNull();
  });
});
