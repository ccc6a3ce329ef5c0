// The personal calendar feed: a secret URL per worker that calendar apps poll. Only the token's
// sha256 is stored; a new token revokes the previous one, and a revoked or unknown token is a 404.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { TCalendarFeed, TCalendarFeedStatus } from '../../shared/notifications.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { activityPackages, assignments, calendarFeeds, locations, organisations, shifts, userRoles, users, workers } from '../db/schema.js';
import { AppError, notFound } from '../errors/app-error.js';
import { serializeCalendar, type CalendarEvent } from './ical.js';

/** Past shifts stay in the feed this long, so last week is still in the calendar. */
const HISTORY_MS = 92 * 86_400_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function requireWorker(actor: Actor): string {
  if (!actor.workerId) throw new AppError('FORBIDDEN', 'Only workers have a shift calendar');
  return actor.workerId;
}

export async function createFeed(db: Db, actor: Actor, publicUrl: string): Promise<TCalendarFeed> {
  const workerId = requireWorker(actor);
  const token = randomBytes(32).toString('base64url');
  const created = await db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: new Date() }).where(and(eq(calendarFeeds.workerId, workerId), isNull(calendarFeeds.revokedAt)));
    const [row] = await tx.insert(calendarFeeds).values({ workerId, tokenHash: hashToken(token) }).returning({ createdAt: calendarFeeds.createdAt });
    return row!;
  });
  return { url: `${publicUrl}/calendar/${token}.ics`, createdAt: created.createdAt.toISOString() };
}

/** Whether the worker has a live feed, since when and when a calendar app last fetched it; the URL itself is not stored, so it is not returned. */
export async function feedStatus(db: Db, actor: Actor): Promise<TCalendarFeedStatus> {
  const workerId = requireWorker(actor);
  const [live] = await db
    .select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workerId, workerId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return { isActive: live !== undefined, createdAt: live?.createdAt.toISOString() ?? null, lastFetchedAt: live?.lastFetchedAt?.toISOString() ?? null };
}

export async function revokeFeed(db: Db, actor: Actor): Promise<void> {
  const workerId = requireWorker(actor);
  await db.update(calendarFeeds).set({ revokedAt: new Date() }).where(and(eq(calendarFeeds.workerId, workerId), isNull(calendarFeeds.revokedAt)));
}

/**
 * The feed behind a token as iCalendar text: the worker's confirmed shifts that were not cancelled.
 * Finding the feed and recording the fetch are one statement (an update of the live feed's row), in
 * the transaction that reads the shifts, so a fetch that fails records nothing.
 */
export async function renderFeed(db: Db, token: string, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    const [feed] = await tx
      .update(calendarFeeds)
      .set({ lastFetchedAt: now })
      .from(workers)
      .leftJoin(users, eq(users.id, workers.userId))
      .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt), eq(workers.id, calendarFeeds.workerId)))
      .returning({ workerId: calendarFeeds.workerId, locale: users.locale });
    if (!feed) throw notFound('Calendar feed');
    return feedText(tx, feed, now);
  });
}

async function feedText(db: DbOrTx, feed: { workerId: string; locale: string | null }, now: Date): Promise<string> {
  const isEnglish = feed.locale === 'en';
  const rows = await db
    .select({
      assignmentId: assignments.id,
      start: assignments.start,
      end: assignments.end,
      notes: shifts.notes,
      organisationId: shifts.organisationId,
      organisationName: organisations.name,
      locationName: locations.name,
      address: locations.address,
      postcode: locations.postcode,
      city: locations.city,
      packageNameNl: activityPackages.nameNl,
      packageNameEn: activityPackages.nameEn,
    })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .where(
      and(
        eq(assignments.workerId, feed.workerId),
        eq(assignments.status, 'confirmed'),
        eq(shifts.status, 'open'),
        gte(assignments.end, new Date(now.getTime() - HISTORY_MS)),
      ),
    )
    .orderBy(asc(assignments.start));
  const contacts = await plannerContacts(db, [...new Set(rows.map((r) => r.organisationId))]);
  const events: CalendarEvent[] = rows.map((r) => {
    const contact = contacts.get(r.organisationId);
    const description = [r.notes, contact ? `${isEnglish ? 'Contact' : 'Contact'}: ${contact}` : ''].filter(Boolean).join('\n');
    return {
      uid: `${r.assignmentId}@harmonica`,
      start: r.start,
      end: r.end,
      summary: `${isEnglish ? r.packageNameEn : r.packageNameNl} — ${r.organisationName}`,
      location: `${r.locationName}, ${r.address}, ${r.postcode} ${r.city}`,
      description,
    };
  });
  return serializeCalendar({ prodId: '-//Harmonica//Shifts//NL', name: isEnglish ? 'Harmonica: my shifts' : 'Harmonica: mijn diensten', stamp: now, events });
}

/** "Anna de Vries <anna@…>" for the first planner of each organisation. */
async function plannerContacts(db: DbOrTx, organisationIds: string[]): Promise<Map<string, string>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: userRoles.organisationId, name: users.name, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'planner'), inArray(userRoles.organisationId, organisationIds), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
  const contacts = new Map<string, string>();
  for (const row of rows) if (row.organisationId && !contacts.has(row.organisationId)) contacts.set(row.organisationId, `${row.name} <${row.email}>`);
  return contacts;
}
