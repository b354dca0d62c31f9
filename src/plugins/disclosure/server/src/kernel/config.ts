import type { Core, UID } from '@strapi/strapi';
import {
  DEFAULT_ANNUAL_REPORTS,
  DEFAULT_WEBSITE_REPORTS,
  type InquiryChannel,
  DEFAULT_DIVISION_CONTENT_TYPE,
  DEFAULT_METADATA_COMPONENT,
  PLUGIN_ID,
} from './constants';
import { DEFAULT_INDEX_PATTERN, patternProblem } from './domain/index-number';
import type { MonitorThresholds } from '../../../shared/monitor/contracts';
import { DEFAULT_THRESHOLDS, thresholdsProblem } from '../../../shared/monitor/thresholds';

/** A content type's UID (api::article.article), as the settings name the types under review. */
export type ContentTypeUid = UID.ContentType;

export interface DisclosureConfig {
  /**
   * Content types whose publication needs review (UIDs). None by default: Strapi fills a host's
   * list from a default list index by index, so a default list would be added to the host's.
   */
  contentTypes: ContentTypeUid[];
  /**
   * The host's content type of divisions (处室), with `name`, `code` and `sortOrder`; a type under
   * review takes part in divisions through a relation named `department` to it. Without such a
   * type in the host, nobody has a division.
   */
  divisionContentType: string;
  /**
   * The component (公开属性) of a type under review, in its attribute `metadata`, whose string field
   * `indexNumber` receives the 索引号 at first publication (and whose `disclosureMode`, when
   * present, must be 主动公开 to publish). Types without a `metadata` attribute get no 索引号.
   */
  metadataComponent: string;
  /** The publisher's organisation code or unified social credit code, for 索引号. */
  orgCode: string;
  /** 索引号 pattern, e.g. `{orgCode}/{YYYY}-{NNNNN}`. */
  indexPattern: string;
  /** The publisher's name, signing reply letters. */
  publisherName: string;
  /** How an applicant pays an information processing fee (缴纳方式), stated in the fee notice. */
  feePayment: string;
  /** Email each step to the people concerned (needs the email plugin configured). */
  emailNotifications: boolean;
  /** The annual reports' content type and the code of the column they are published in. */
  annualReports: { contentType: ContentTypeUid; columnCode: string };
  /** The 政府网站工作年度报表's content type and the code of the column it is published in. */
  websiteReports: { contentType: ContentTypeUid; columnCode: string };
  /**
   * Public inquiries (留言办理): the reply deadline per channel in working days (a 民心网 case's
   * own deadline, when the platform gives one, comes first) and the 3-month rule's warning.
   */
  inquiries: {
    replyWorkingDays: Record<InquiryChannel, number>;
    /** Months after receipt at which an open message is flagged (the inspection fails at 3). */
    warnAfterMonths: number;
  };
  /** Consultations (调查征集): the shortest period for a major decision, in days. */
  consultations: { minimumDaysForMajorDecisions: number };
  /**
   * The timeliness monitor (栏目更新监测): the inspection's thresholds, and the types under review
   * without a `column` relation whose items all sit in one column (by type UID: column code).
   */
  monitor: MonitorThresholds & { typeColumns: Record<string, string> };
  /** The weekly live-links check (失效链接, decision 0033). */
  links: LinkCheckSettings;
  /** 32 bytes, base64: encrypts applicants' personal data at rest. */
  personalDataKey?: string;
  /** Request intake per client address: `points` submissions per `durationSeconds`; shared via Redis when set. */
  intakeRateLimit: {
    points: number;
    durationSeconds: number;
    redisUrl?: string;
    /** Namespace of the counters, for deployments sharing one Redis. */
    keyPrefix?: string;
  };
}

export interface LinkCheckSettings {
  /**
   * The public website's base URL (its pages may not be Strapi's): links to the site's pages are
   * checked over HTTP against it, and its host counts as the site's own. Unset: those links are
   * listed as unchecked.
   */
  websiteUrl?: string;
  /** Check links to other sites too (off by default): HEAD, else GET, politely paced. */
  checkExternal: boolean;
  /** Requests per second to one host, at most. */
  perHostPerSecond: number;
  /** How long to wait for an answer, in milliseconds. */
  timeoutMs: number;
  /** The User-Agent of the check's requests: names the publisher. */
  userAgent: string;
}

export const DEFAULT_LINK_CHECK: LinkCheckSettings = {
  checkExternal: false,
  perHostPerSecond: 1,
  timeoutMs: 10_000,
  userAgent: 'GovDisclosureLinkCheck/1.0 (government information disclosure link check)',
};

export const config = {
  default: (): DisclosureConfig => ({
    contentTypes: [],
    divisionContentType: DEFAULT_DIVISION_CONTENT_TYPE,
    metadataComponent: DEFAULT_METADATA_COMPONENT,
    orgCode: '000000000',
    indexPattern: DEFAULT_INDEX_PATTERN,
    publisherName: '',
    feePayment: '请持本通知书到本机关政府信息公开工作机构办理缴费手续。',
    emailNotifications: false,
    annualReports: { ...DEFAULT_ANNUAL_REPORTS },
    websiteReports: { ...DEFAULT_WEBSITE_REPORTS },
    inquiries: {
      replyWorkingDays: { phone: 3, minxin: 5, hotline: 5, website: 10, enterprise: 5 },
      warnAfterMonths: 2,
    },
    consultations: { minimumDaysForMajorDecisions: 30 },
    monitor: { ...DEFAULT_THRESHOLDS, failAt: { ...DEFAULT_THRESHOLDS.failAt }, typeColumns: {} },
    links: { ...DEFAULT_LINK_CHECK },
    intakeRateLimit: { points: 10, durationSeconds: 600 },
  }),
  validator(candidate: DisclosureConfig) {
    if (
      !Array.isArray(candidate.contentTypes) ||
      candidate.contentTypes.some((uid) => typeof uid !== 'string')
    ) {
      throw new Error('disclosure.contentTypes must be a list of content-type UIDs');
    }
    if (!/^[0-9A-Z]{9}$|^[0-9A-Z]{18}$/.test(candidate.orgCode)) {
      throw new Error(
        'disclosure.orgCode must be a 9-character organisation code or an 18-character unified social credit code'
      );
    }
    if (
      candidate.personalDataKey !== undefined &&
      Buffer.from(candidate.personalDataKey, 'base64').length !== 32
    ) {
      throw new Error(
        'disclosure.personalDataKey must be 32 bytes in base64 (e.g. openssl rand -base64 32)'
      );
    }
    const monitorProblem = thresholdsProblem(candidate.monitor);
    if (monitorProblem) throw new Error(`disclosure.monitor: ${monitorProblem}`);
    const problem = patternProblem(candidate.indexPattern);
    if (problem) throw new Error(`disclosure.indexPattern: ${problem}`);
  },
};

/** The host's division type (处室), or null when the host has none: then nobody has a division. */
export function divisionType(strapi: Core.Strapi): ContentTypeUid | null {
  const { divisionContentType } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  return divisionContentType in strapi.contentTypes
    ? (divisionContentType as ContentTypeUid)
    : null;
}

/** The component that holds a reviewed item's 索引号 (`metadataComponent`). */
export const metadataComponent = (strapi: Core.Strapi): string =>
  (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).metadataComponent;
