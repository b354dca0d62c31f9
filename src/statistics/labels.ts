/** Chinese labels of the enumeration codes the statistics group by (as in the README's table). */

export const GENRE_LABELS: Record<string, string> = {
  resolution: '决议',
  decision: '决定',
  order: '命令',
  communique: '公报',
  announcement: '公告',
  public_notice: '通告',
  opinion: '意见',
  notice: '通知',
  circular: '通报',
  report: '报告',
  request: '请示',
  reply: '批复',
  motion: '议案',
  letter: '函',
  minutes: '会议纪要',
  other: '其他',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  rule: '规章',
  normative: '行政规范性文件',
  other: '其他文件',
};

export const TYPE_LABELS: Record<string, string> = {
  'api::article.article': '信息',
  'api::policy-document.policy-document': '政策文件',
  'api::policy-interpretation.policy-interpretation': '政策解读',
  'api::meeting.meeting': '政府会议',
  'api::annual-report.annual-report': '年度报告',
  'api::website-report.website-report': '网站年度报表',
};

export const NONE = 'none';
