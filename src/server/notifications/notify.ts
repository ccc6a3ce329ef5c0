// Turns a domain event into notifications for the people it concerns, on the channel each of
// them chose for that type. Runs in the caller's transaction: the in-app rows and the outbox
// mails exist exactly when the change they report was committed.
import { and, inArray, isNull } from 'drizzle-orm';
import type { TLocale } from '../../shared/common.schemas.js';
import type { TNotificationChannel } from '../../shared/notifications.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { emailOutbox, notifications, users } from '../db/schema.js';
import type { NotificationEvent } from './events.js';
import { emailHtml, emailText } from './messages.js';
import { channelsFor } from './preferences.js';
import { resolveRecipients, type Recipient } from './recipients.js';
import { kickDelivery, notificationSettings } from './settings.js';

const CHUNK = 1000;

type Person = { id: string; email: string; name: string; locale: TLocale };

async function loadPeople(db: DbOrTx, userIds: string[]): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  for (let i = 0; i < userIds.length; i += 5000) {
    const rows = await db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(and(inArray(users.id, userIds.slice(i, i + 5000)), isNull(users.disabledAt)));
    for (const row of rows) people.set(row.id, row);
  }
  return people;
}

export async function notify(db: DbOrTx, event: NotificationEvent): Promise<void> {
  const recipients = await resolveRecipients(db, event);
  if (recipients.length === 0) return;
  const userIds = [...new Set(recipients.map((r) => r.userId))];
  const people = await loadPeople(db, userIds);
  const channels = await channelsFor(db, userIds, event.type);
  const { publicUrl } = notificationSettings();

  const inApp: (typeof notifications.$inferInsert)[] = [];
  const mails: (typeof emailOutbox.$inferInsert)[] = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    const person = people.get(recipient.userId);
    const channel: TNotificationChannel = channels.get(recipient.userId) ?? 'off';
    // A planner who is also the worker, or two roles at one organisation, hears it once.
    if (!person || channel === 'off' || seen.has(recipient.dedupeKey)) continue;
    seen.add(recipient.dedupeKey);
    const message = recipient.render(person.locale);
    inApp.push({ userId: person.id, type: event.type, channel, title: message.title, body: message.body, payload: recipient.payload });
    if (channel === 'email') mails.push(toMail(person, recipient, message, publicUrl));
  }

  for (let i = 0; i < inApp.length; i += CHUNK) await db.insert(notifications).values(inApp.slice(i, i + CHUNK));
  if (mails.length) {
    for (let i = 0; i < mails.length; i += CHUNK) await db.insert(emailOutbox).values(mails.slice(i, i + CHUNK)).onConflictDoNothing({ target: emailOutbox.dedupeKey });
    await kickDelivery(db);
  }
}

function toMail(person: Person, recipient: Recipient, message: { title: string; body: string }, publicUrl: string): typeof emailOutbox.$inferInsert {
  const text = emailText(person.name, message, publicUrl, person.locale);
  return { toEmail: person.email, subject: message.title, text, html: emailHtml(text), dedupeKey: recipient.dedupeKey };
}

