// Turns a domain event into notifications for the people it concerns, on the channel each of
// them chose for that type. Runs in the caller's transaction: the in-app rows and the outbox
// mails exist exactly when the change they report was committed.
//
// Two steps, so a caller that holds contended locks can do the reading first: prepareNotification
// reads who hears it and renders the words (two statements for an assignment event: the recipients
// with the shift, then the people with their channel); recordNotification writes the in-app rows and
// the mails in one statement (per thousand recipients), or as part of the caller's next statement.
// notify() does both.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { TLocale } from '../../shared/common.schemas.js';
import type { TNotificationChannel } from '../../shared/notifications.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { notificationPreferences, users } from '../db/schema.js';
import type { NotificationEvent } from './events.js';
import { emailHtml, emailText } from './messages.js';
import { defaultChannels } from './preferences.js';
import { resolveRecipients, type AssignmentRef, type Recipient } from './recipients.js';
import { isDeliveryQueued, kickDelivery, notificationSettings } from './settings.js';

const CHUNK = 1000;

type Person = { id: string; email: string; name: string; locale: TLocale; channel: TNotificationChannel };

/** The enabled users among `userIds` with the channel each gets `type` on (their choice, or the default). */
async function loadPeople(db: DbOrTx, userIds: string[], type: NotificationEvent['type']): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  for (let i = 0; i < userIds.length; i += 5000) {
    const rows = await db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, channel: notificationPreferences.channel })
      .from(users)
      .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.type, type)))
      .where(and(inArray(users.id, userIds.slice(i, i + 5000)), isNull(users.disabledAt)));
    for (const row of rows) people.set(row.id, { ...row, channel: row.channel ?? defaultChannels[type] });
  }
  return people;
}

type InAppRow = { user_id: string; type: string; channel: TNotificationChannel; title: string; body: string; payload: Record<string, unknown> };
type MailRow = { to_email: string; subject: string; text: string; html: string; dedupe_key: string };

/** The rows an event writes, rendered and ready to insert. */
export type PreparedNotification = { inApp: InAppRow[]; mails: MailRow[] };

/**
 * Who hears about the event and what each of them reads, without writing anything. `known`: the
 * assignment's shift and worker when the assignment is not stored yet (a claim prepares first and
 * inserts under its locks, with the id it chose).
 */
export async function prepareNotification(db: DbOrTx, event: NotificationEvent, known?: AssignmentRef): Promise<PreparedNotification> {
  const recipients = await resolveRecipients(db, event, known);
  if (recipients.length === 0) return { inApp: [], mails: [] };
  const people = await loadPeople(db, [...new Set(recipients.map((r) => r.userId))], event.type);
  const { publicUrl } = notificationSettings();

  const inApp: InAppRow[] = [];
  const mails: MailRow[] = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    const person = people.get(recipient.userId);
    // A planner who is also the worker, or two roles at one organisation, hears it once.
    if (!person || person.channel === 'off' || seen.has(recipient.dedupeKey)) continue;
    seen.add(recipient.dedupeKey);
    const message = recipient.render(person.locale);
    inApp.push({ user_id: person.id, type: event.type, channel: person.channel, title: message.title, body: message.body, payload: recipient.payload });
    if (person.channel === 'email') mails.push(toMail(person, recipient, message, publicUrl));
  }
  return { inApp, mails };
}

/** The inserts of up to CHUNK in-app rows and mails, as two data-modifying CTEs (`with` them before any statement). */
function insertsOf(inApp: InAppRow[], mails: MailRow[]) {
  return sql`notification_rows as (
      insert into notifications (user_id, type, channel, title, body, payload)
      select x.user_id, x.type, x.channel::notification_channel, x.title, x.body, x.payload
      from jsonb_to_recordset(${JSON.stringify(inApp)}::jsonb) as x(user_id uuid, type text, channel text, title text, body text, payload jsonb)),
    outbox_rows as (
      insert into email_outbox (to_email, subject, text, html, dedupe_key)
      select x.to_email, x.subject, x.text, x.html, x.dedupe_key
      from jsonb_to_recordset(${JSON.stringify(mails)}::jsonb) as x(to_email text, subject text, text text, html text, dedupe_key text)
      on conflict (dedupe_key) do nothing)`;
}

/**
 * Writes the prepared rows: in-app notifications and outbox mails in one statement per chunk, then
 * wakes delivery. With `alongside` (a select, run after the rows are written), a small notification
 * that wakes no job queue is written by that statement, as CTEs: one round trip for both. Returns
 * the rows of `alongside`.
 */
export async function recordNotification(db: DbOrTx, prepared: PreparedNotification, alongside?: SQL): Promise<Record<string, unknown>[]> {
  const { inApp, mails } = prepared;
  const wakesQueue = mails.length > 0 && isDeliveryQueued();
  if (alongside && !wakesQueue && inApp.length <= CHUNK && mails.length <= CHUNK) {
    return ((await db.execute(sql`with ${insertsOf(inApp, mails)} ${alongside}`)) as { rows: Record<string, unknown>[] }).rows;
  }
  for (let i = 0; i < Math.max(inApp.length, mails.length); i += CHUNK) {
    await db.execute(sql`with ${insertsOf(inApp.slice(i, i + CHUNK), mails.slice(i, i + CHUNK))} select 1`);
  }
  if (mails.length) await kickDelivery(db);
  return alongside ? ((await db.execute(alongside)) as { rows: Record<string, unknown>[] }).rows : [];
}

export async function notify(db: DbOrTx, event: NotificationEvent): Promise<void> {
  await recordNotification(db, await prepareNotification(db, event));
}

function toMail(person: Person, recipient: Recipient, message: { title: string; body: string }, publicUrl: string): MailRow {
  const text = emailText(person.name, message, publicUrl, person.locale);
  return { to_email: person.email, subject: message.title, text, html: emailHtml(text), dedupe_key: recipient.dedupeKey };
}
