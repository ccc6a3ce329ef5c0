// The digest: every notification on the 'digest' channel that no digest carried yet, bundled into
// ONE mail per person. New matching shifts are listed once each (a shift in two postings, or one
// since cancelled or started, is not listed twice or at all). Claiming the rows and queueing the
// mail happen in one transaction, so two runs at once cannot bundle a row twice.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { emailOutbox, notifications, users } from '../db/schema.js';
import { createShiftDescriber, digestBody, emailHtml, emailText, type Message } from './messages.js';
import { loadShiftInfos } from './recipients.js';
import { kickDelivery, notificationSettings } from './settings.js';

export async function sendDigests(db: Db, options: { now?: Date } = {}): Promise<{ mails: number }> {
  const now = options.now ?? new Date();
  const { publicUrl } = notificationSettings();
  return db.transaction(async (tx) => {
    const items = await tx
      .update(notifications)
      .set({ digestedAt: now })
      .where(and(eq(notifications.channel, 'digest'), isNull(notifications.digestedAt)))
      .returning();
    if (items.length === 0) return { mails: 0 };
    const byUser = new Map<string, typeof items>();
    for (const item of items) {
      const list = byUser.get(item.userId);
      if (list) list.push(item);
      else byUser.set(item.userId, [item]);
    }

    const shiftIdsOf = (item: (typeof items)[number]) => (item.type === 'shift.posted' && Array.isArray(item.payload.shiftIds) ? (item.payload.shiftIds as string[]) : []);
    const shifts = await loadShiftInfos(tx, items.flatMap(shiftIdsOf));
    const people = await tx.select({ id: users.id, email: users.email, name: users.name, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, [...byUser.keys()]));

    const mails: (typeof emailOutbox.$inferInsert)[] = [];
    const describe = createShiftDescriber();
    for (const person of people) {
      if (person.disabledAt) continue;
      const own = byUser.get(person.id)!.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      const shiftIds = [...new Set(own.flatMap(shiftIdsOf))];
      const stillOpen = shiftIds
        .map((id) => shifts.get(id))
        .filter((s) => s !== undefined && s.status === 'open' && s.start > now)
        .map((s) => s!)
        .sort((a, b) => a.start.getTime() - b.start.getTime());
      const others: Message[] = own.filter((i) => i.type !== 'shift.posted').map((i) => ({ title: i.title, body: i.body }));
      if (stillOpen.length === 0 && others.length === 0) continue;
      const message = digestBody(stillOpen, others, person.locale, describe);
      const text = emailText(person.name, message, publicUrl, person.locale);
      mails.push({ toEmail: person.email, subject: message.title, text, html: emailHtml(text), dedupeKey: `digest:${person.id}:${own[0]!.id}` });
    }
    if (mails.length) {
      for (let i = 0; i < mails.length; i += 1000) await tx.insert(emailOutbox).values(mails.slice(i, i + 1000)).onConflictDoNothing({ target: emailOutbox.dedupeKey });
      await kickDelivery(tx);
    }
    return { mails: mails.length };
  });
}
