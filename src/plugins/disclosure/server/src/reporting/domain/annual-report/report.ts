/**
 * An annual report as data (what the exports render): its format, text sections and the value
 * and source of every cell. Pure.
 */
import type {
  AnnualReport,
  ReportCell as CellValue,
} from '../../../../../shared/reporting/contracts';

export type { AnnualReport, CellValue };

/** The report's six sections in order, with the national headings. */
export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  litigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const;
