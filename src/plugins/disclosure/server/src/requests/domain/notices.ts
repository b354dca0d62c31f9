/**
 * Notices to the applicant while a request is handled: the one-time correction request (补正告知,
 * 条例 Art. 30), the extension (延期答复告知, Art. 33) and the fee notice (收费通知, Art. 42 and
 * 国办函〔2020〕109号: basis, standard, amount, how to pay). Pure: the mail's subject and text.
 */
import type { RequestEvent } from './request-deadline';

export interface NoticeInput {
  trackingNumber: string;
  applicantName: string;
  title: string;
  bureau: string;
  /** The due date after the event, when the clock runs. */
  dueDate: string | null;
  /** The last day to pay, after a fee notice. */
  feeDueDate?: string | null;
  /** How to pay (the office's wording). */
  feePayment?: string;
}

export function noticeFor(
  event: RequestEvent,
  input: NoticeInput
): { subject: string; text: string } | null {
  const opening = `${input.applicantName}：\n\n您的政府信息公开申请（受理编号${input.trackingNumber}，申请获取“${input.title}”）`;
  if (event.type === 'correction_requested') {
    return {
      subject: `政府信息公开申请补正告知书（${input.trackingNumber}）`,
      text: [
        `${opening}内容不够明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您${event.dueBy ? `于${event.dueBy}前` : '在合理期限内'}对申请作出补正，说明所需政府信息的名称、文号或者便于查询的其他特征性描述。`,
        '答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
        input.bureau,
      ].join('\n\n'),
    };
  }
  if (event.type === 'extended') {
    return {
      subject: `政府信息公开申请延期答复告知书（${input.trackingNumber}）`,
      text: [
        `${opening}因${event.reason}，需要延长答复期限。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${event.days}个工作日${input.dueDate ? `，本机关将于${input.dueDate}前答复` : ''}。`,
        input.bureau,
      ].join('\n\n'),
    };
  }
  // A posted fee notice goes on paper only: an e-mail copy would be received first.
  if (event.type === 'fee_notice' && event.fee && event.via !== 'post') {
    return {
      subject: `政府信息公开信息处理费收费通知书（${input.trackingNumber}）`,
      text: [
        `${opening}，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费${event.fee.amount}元。`,
        `收费标准及数额：${event.fee.text}`,
        `缴纳方式：${input.feePayment ?? ''}`,
        `${input.feeDueDate ? `请于${input.feeDueDate}前缴纳` : '请于收到本通知次日起20个工作日内缴纳'}。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。缴费期间不计算在答复期限内。`,
        input.bureau,
      ].join('\n\n'),
    };
  }
  return null;
}
