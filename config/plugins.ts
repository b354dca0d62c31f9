import type { Core } from '@strapi/strapi';
import { uploadStorage } from '../src/uploads/storage';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: env.bool('SMTP_IGNORE_TLS', !env.bool('SMTP_SECURE', false)),
        ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS') } } : {}),
      },
      settings: {
        defaultFrom: env('SMTP_FROM', 'gongkai@demo.gov.cn'),
        defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'gongkai@demo.gov.cn')),
      },
    },
  },
  disclosure: {
    enabled: true,
    // The package strapi-plugin-gov-disclosure, from this repository (built into its dist/).
    resolve: './src/plugins/disclosure',
    config: {
      // Every public catalogue type is published only through the review (先审查、后公开).
      contentTypes: [
        'api::article.article',
        'api::policy-document.policy-document',
        'api::policy-interpretation.policy-interpretation',
        'api::meeting.meeting',
        'api::leader.leader',
        'api::organisation-profile.organisation-profile',
        'api::disclosure-guide.disclosure-guide',
        'api::annual-report.annual-report',
        'api::website-report.website-report',
      ],
      // The timeliness monitor: the leaders (no column relation of their own) fill 领导之窗; the
      // inspection's thresholds are the plugin's defaults (docs/decisions/0031).
      monitor: { typeColumns: { 'api::leader.leader': 'leaders' } },
      // The weekly live-links check (失效链接, docs/decisions/0033): the public website's base URL
      // (its pages are checked over HTTP against it); links to other sites only when switched on.
      links: {
        websiteUrl: env('DISCLOSURE_WEBSITE_URL'),
        checkExternal: env.bool('DISCLOSURE_CHECK_EXTERNAL_LINKS', false),
        userAgent: env(
          'DISCLOSURE_LINK_CHECK_USER_AGENT',
          'GovDisclosureLinkCheck/1.0 (示范市工业和信息化局 政府网站链接检查)'
        ),
      },
      // The publisher's 9-character organisation code or 18-character unified social credit code.
      orgCode: env('DISCLOSURE_ORG_CODE', '000000000'),
      indexPattern: env('DISCLOSURE_INDEX_PATTERN', '{orgCode}/{YYYY}-{NNNNN}'),
      // The publisher's name as it signs reply letters to disclosure requests.
      publisherName: env('DISCLOSURE_PUBLISHER_NAME', '示范市工业和信息化局'),
      // How applicants pay an information processing fee (缴纳方式), as the fee notice states it.
      feePayment: env(
        'DISCLOSURE_FEE_PAYMENT',
        '请持本通知书到本机关政府信息公开工作机构办理缴费手续，或按其告知的非税收入缴款方式缴纳。'
      ),
      // Mail each review step to the people concerned once an SMTP server is configured.
      emailNotifications: env.bool('DISCLOSURE_EMAIL_NOTIFICATIONS', Boolean(env('SMTP_HOST'))),
      // Encrypts disclosure applicants' identity numbers and contacts at rest.
      personalDataKey: env('DISCLOSURE_PERSONAL_DATA_KEY'),
      // Disclosure requests per client address and window; Redis shares the count across nodes.
      intakeRateLimit: {
        points: env.int('DISCLOSURE_INTAKE_LIMIT', 10),
        durationSeconds: env.int('DISCLOSURE_INTAKE_WINDOW_SECONDS', 600),
        redisUrl: env('REDIS_URL') || undefined,
        keyPrefix: env('DISCLOSURE_INTAKE_KEY_PREFIX', 'disclosure-intake'),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      // This node's public/uploads, or with UPLOAD_PROVIDER=s3 a bucket all nodes share (0036).
      ...uploadStorage(env),
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;
