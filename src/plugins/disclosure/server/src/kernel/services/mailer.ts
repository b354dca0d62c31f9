import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { DisclosureConfig } from '../config';

/** One plain-text mail, to one address or several, with files attached. */
export interface Mail {
  to: readonly string[];
  subject: string;
  text: string;
  attachments?: ReadonlyArray<{ filename: string; content: Buffer; contentType: string }>;
}

/**
 * Whom a notification is for: staff hear of steps only when the plugin's e-mail notifications
 * are on; an applicant is always told (the 条例 obliges the office to notify them).
 */
export type Audience = 'staff' | 'applicant';

/** The mail server did not take a mail the step consists of: the step is not recorded. */
export class MailNotSent extends Error {}

/** Strapi's email plugin, as far as the mailer uses it. */
type EmailService = {
  send(options: {
    to: string | string[];
    subject: string;
    text: string;
    attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  }): Promise<unknown>;
};

/** An admin user a mail goes to. */
export interface Recipient {
  id: number;
  email: string;
}

/** Set while `withoutStaffNotifications` runs: staff hear of nothing done inside it. */
const quiet = new AsyncLocalStorage<true>();

/**
 * The plugin's one way to send mail, with two rules. `deliver`: the mail is the step (a reply
 * letter is delivered when the mail server takes it), sent inside the step's transaction; a
 * refusal fails the step. `notify`: a mail about a step, sent after its transaction commits; a
 * failure is logged and never undoes or holds up the step. Who gets which mail is decided by each
 * module (e.g. requests/mail.ts); the recipients' addresses come from here.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const email = () => strapi.plugin('email').service<EmailService>('email');
  const notificationsOn = () =>
    strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`).emailNotifications;
  const logFailure = (subject: string, error: unknown) =>
    strapi.log.error(
      `[${PLUGIN_ID}] mail not sent (${subject}): ${error instanceof Error ? error.message : String(error)}`
    );

  const send = (mail: Mail, to: string | string[]) =>
    email().send({
      to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.attachments ? { attachments: [...mail.attachments] } : {}),
    });

  /** One mail to everyone, or one per address; true when every one went. */
  const sendAll = async (mail: Mail, separately: boolean): Promise<boolean> => {
    const batches = separately ? [...new Set(mail.to)] : [[...mail.to]];
    let sent = true;
    for (const to of batches) {
      try {
        await send(mail, to);
      } catch (error) {
        logFailure(mail.subject, error);
        sent = false;
      }
    }
    return sent;
  };

  /** Runs `fn` once the current transaction commits (never if it rolls back); outside one, now. */
  const afterCommit = async (fn: () => Promise<boolean>): Promise<boolean> => {
    if (!strapi.db.inTransaction()) return fn();
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void fn()));
    return false;
  };

  return {
    /** The active admin users holding a role (by its code). */
    async usersWithRole(roleCode: string): Promise<Recipient[]> {
      return strapi.db.query('admin::user').findMany({
        where: { roles: { code: roleCode }, isActive: true },
        select: ['id', 'email'],
      });
    },

    /** The address of an admin user: none for nobody (null) or a user deleted since. */
    async addressOf(userId: number | null): Promise<string[]> {
      if (userId === null) return [];
      const user: { email: string } | null = await strapi.db
        .query('admin::user')
        .findOne({ where: { id: userId }, select: ['email'] });
      return user ? [user.email] : [];
    },

    /**
     * Sends a mail the step consists of, now (inside the step's transaction, so a second click
     * waits for it). The mail server's refusal throws `MailNotSent` with `refused(its reason)`.
     */
    async deliver(mail: Mail, refused: (reason: string) => string): Promise<void> {
      try {
        await send(mail, [...mail.to]);
      } catch (error) {
        throw new MailNotSent(refused(error instanceof Error ? error.message : String(error)));
      }
    },

    /**
     * Tells people of a step once its transaction has committed: at once (and awaited) when
     * called after it, on its commit when called inside it. `compose` gives the mail, or null for
     * none; it runs only when the audience hears at all. `separately`: one mail per address.
     * Resolves true when every mail went; false when none was due, or on a failure, which is
     * logged — a notification never undoes or blocks a step.
     */
    notify(
      compose: () => Promise<Mail | null> | Mail | null,
      { audience, separately = false }: { audience: Audience; separately?: boolean }
    ): Promise<boolean> {
      if (audience === 'staff' && (!notificationsOn() || quiet.getStore())) {
        return Promise.resolve(false);
      }
      return afterCommit(async () => {
        let mail: Mail | null;
        try {
          mail = await compose();
        } catch (error) {
          logFailure('composing it failed', error);
          return false;
        }
        return mail !== null && mail.to.length > 0 && sendAll(mail, separately);
      });
    },

    /**
     * Runs `fn` without staff notifications (a seed of hundreds of past steps, e.g. the demo's
     * source year, would otherwise mail each one); other requests meanwhile notify as usual.
     * Mails that are the step itself (`deliver`) and applicants' notices still go.
     */
    withoutStaffNotifications<T>(fn: () => Promise<T>): Promise<T> {
      return quiet.run(true, fn);
    },
  };
};
