/**
 * The service catalogue's vocabulary (政务服务事项), as the server and the admin both read it:
 * item types, lifecycle, ways of withdrawal, and the fields a 办事指南 must have to be published.
 */

/** 事项类型: stored as codes, shown in Chinese. */
export const SERVICE_ITEM_TYPES = {
  licensing: '行政许可',
  confirmation: '行政确认',
  adjudication: '行政裁决',
  benefit: '行政给付',
  reward: '行政奖励',
  filing: '行政备案',
  other_power: '其他行政权力',
  public_service: '公共服务',
} as const;
export type ServiceItemType = keyof typeof SERVICE_ITEM_TYPES;
export const SERVICE_ITEM_TYPE_CODES = Object.keys(SERVICE_ITEM_TYPES) as ServiceItemType[];

/** 网上办理深度: how far an item runs online. */
export const ONLINE_DEPTHS = {
  full: '全程网办',
  partial: '部分网办（网上申请、现场核验）',
  offline: '线下办理',
} as const;
export type OnlineDepth = keyof typeof ONLINE_DEPTHS;
export const ONLINE_DEPTH_CODES = Object.keys(ONLINE_DEPTHS) as OnlineDepth[];

/** An item's life: in force → adjusted (republished with changes) → withdrawn. */
export const LIFECYCLES = {
  in_force: '实施中',
  adjusted: '已调整',
  withdrawn: '已取消/调出',
} as const;
export type Lifecycle = keyof typeof LIFECYCLES;
export const LIFECYCLE_CODES = Object.keys(LIFECYCLES) as Lifecycle[];

/** How an item leaves the catalogue. */
export const WITHDRAWAL_KINDS = {
  cancelled: '取消',
  delegated: '下放',
  taken_back: '上级收回',
} as const;
export type WithdrawalKind = keyof typeof WITHDRAWAL_KINDS;
export const WITHDRAWAL_KIND_CODES = Object.keys(WITHDRAWAL_KINDS) as WithdrawalKind[];

/**
 * The fields of a 办事指南 without which it cannot be published, in the order a guide prints
 * them, with their Chinese names (a refusal names the missing ones).
 */
export const REQUIRED_GUIDE_FIELDS = {
  name: '事项名称',
  legalBasis: '设定依据',
  conditions: '申请条件',
  materials: '办理材料',
  location: '办理地点',
  hours: '办理时间',
  phone: '联系电话',
  process: '办理流程',
} as const;
export type RequiredGuideField = keyof typeof REQUIRED_GUIDE_FIELDS;

/** Every field of the guide staff edit, with its Chinese name (the history names changed ones). */
export const GUIDE_FIELDS = {
  ...REQUIRED_GUIDE_FIELDS,
  itemType: '事项类型',
  division: '实施处室',
  legalDays: '法定时限',
  promisedDays: '承诺时限',
  fees: '收费标准',
  onlineUrl: '网上办理地址',
  onlineDepth: '网上办理深度',
} as const;
export type GuideField = keyof typeof GUIDE_FIELDS;
export const GUIDE_FIELD_NAMES = Object.keys(GUIDE_FIELDS) as GuideField[];

/** One entry of an item's published history. */
export interface HistoryEntry {
  /** Beijing date of the change. */
  date: string;
  kind: 'published' | 'adjusted' | 'withdrawn';
  /** Chinese names of the fields that changed (adjusted), else empty. */
  changes: string[];
  /** Withdrawal: its way, authority and reason. */
  withdrawalKind?: WithdrawalKind;
  authority?: string;
  note?: string | null;
}
