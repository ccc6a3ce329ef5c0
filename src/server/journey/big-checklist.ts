// The BIG re-registration checklist (Wet BIG, domain.md §2.1): every 5 years a registered nurse shows
// ≥ 2,080 hours worked in the profession, or takes the schooling route. Hours worked through Harmonica
// (confirmed shifts in packages that need a registration, over the last 5 years) plus hours declared
// from elsewhere; training and accreditation as the person or mediator records them. Reminders go out
// 6, 3 and 1 months before expiry, each once per registration and expiry date.
import { and, eq, gt, inArray, isNotNull, lte, ne, notInArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { BIG_REMINDER_MONTHS, BIG_REQUIRED_HOURS, type TBigChecklist, type TBigChecklistItem, type TUpdateBigChecklist } from '../../shared/journey.schemas.js';
import { canMediateRegion, type Actor } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { activityPackages, assignments, bigChecklists, credentials, journeyOrientations, notifications, regions, shifts, workers } from '../db/schema.js';
import { notFound } from '../errors/app-error.js';
import { notify } from '../notifications/notify.js';

async function requireWorker(db: DbOrTx, actor: Actor, workerId: string) {
  const [worker] = await db.select({ id: workers.id, regionId: workers.regionId, timeZone: regions.timeZone }).from(workers).innerJoin(regions, eq(regions.id, workers.regionId)).where(eq(workers.id, workerId));
  if (!worker || !(actor.workerId === workerId || canMediateRegion(actor, worker.regionId))) throw notFound('Worker', workerId);
  return worker;
}

/** Hours of confirmed work in packages that need a registration, in the 5 years up to now (shadow days excluded). */
async function hoursInHarmonica(db: DbOrTx, workerId: string, now: Date): Promise<number> {
  const since = DateTime.fromJSDate(now).minus({ years: 5 }).toJSDate();
  const [row] = await db
    .select({ minutes: sql<number>`coalesce(sum(extract(epoch from (${assignments.end} - ${assignments.start})) / 60), 0)::float8` })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .where(
      and(
        eq(assignments.workerId, workerId),
        eq(assignments.status, 'confirmed'),
        eq(activityPackages.requiresRegistration, true),
        lte(assignments.end, now),
        gt(assignments.start, since),
        notInArray(assignments.shiftId, db.select({ id: journeyOrientations.shiftId }).from(journeyOrientations)),
      ),
    );
  return Math.round((row!.minutes / 60) * 10) / 10;
}

export async function getBigChecklist(db: Db, actor: Actor, workerId: string, now = new Date()): Promise<TBigChecklist> {
  const worker = await requireWorker(db, actor, workerId);
  const rows = await db
    .select({ credential: credentials, checklist: bigChecklists })
    .from(credentials)
    .leftJoin(bigChecklists, eq(bigChecklists.credentialId, credentials.id))
    .where(and(eq(credentials.workerId, workerId), eq(credentials.kind, 'big'), ne(credentials.verificationStatus, 'rejected')))
    .orderBy(credentials.createdAt);
  if (actor.workerId !== workerId) {
    await insertAudit(db, { actorUserId: actor.userId, action: 'read', entity: 'credential', entityId: workerId, fields: ['expiresOn', 'declaredHours'], regionId: worker.regionId });
  }
  const worked = await hoursInHarmonica(db, workerId, now);
  const today = DateTime.fromJSDate(now, { zone: worker.timeZone }).startOf('day');
  const items = rows.map(({ credential, checklist }): TBigChecklistItem => {
    const declaredHours = checklist?.declaredHours ?? 0;
    const isTrainingDone = checklist?.isTrainingDone ?? false;
    const hasEnoughHours = worked + declaredHours >= BIG_REQUIRED_HOURS;
    const expires = credential.expiresOn ? DateTime.fromISO(credential.expiresOn, { zone: worker.timeZone }) : null;
    const daysToExpiry = expires ? Math.round(expires.diff(today, 'days').days) : null;
    const isSoon = expires !== null && expires.minus({ months: Math.max(...BIG_REMINDER_MONTHS) }) <= today;
    const status = !expires ? 'no_expiry' : daysToExpiry! < 0 ? 'expired' : isSoon && !hasEnoughHours && !isTrainingDone ? 'attention' : 'ok';
    return {
      credentialId: credential.id,
      profession: credential.profession,
      expiresOn: credential.expiresOn,
      daysToExpiry,
      hoursInHarmonica: worked,
      declaredHours,
      requiredHours: BIG_REQUIRED_HOURS,
      hasEnoughHours,
      isTrainingDone,
      accreditationNote: checklist?.accreditationNote ?? '',
      status,
    };
  });
  return { workerId, items };
}

export async function updateBigChecklist(db: Db, actor: Actor, workerId: string, credentialId: string, input: TUpdateBigChecklist, now = new Date()): Promise<TBigChecklist> {
  const worker = await requireWorker(db, actor, workerId);
  const [credential] = await db.select().from(credentials).where(and(eq(credentials.id, credentialId), eq(credentials.workerId, workerId), eq(credentials.kind, 'big')));
  if (!credential) throw notFound('BIG registration', credentialId);
  await db.transaction(async (tx) => {
    await tx
      .insert(bigChecklists)
      .values({ credentialId, ...input, updatedAt: now, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: bigChecklists.credentialId, set: { ...input, updatedAt: now, updatedByUserId: actor.userId } });
    await insertAudit(tx, { actorUserId: actor.userId, action: 'update', entity: 'credential', entityId: credentialId, fields: Object.keys(input), regionId: worker.regionId });
  });
  return getBigChecklist(db, actor, workerId, now);
}

/**
 * The daily run: for each verified BIG registration that expires within 6 months, the most urgent
 * reminder whose moment has come (6, 3 or 1 month before, on the region's calendar), unless it was
 * sent for this expiry date already. A second run the same day is a no-op.
 */
export async function sendBigReminders(db: Db, options: { now?: Date } = {}): Promise<{ reminded: number }> {
  const now = options.now ?? new Date();
  const horizon = DateTime.fromJSDate(now).plus({ months: Math.max(...BIG_REMINDER_MONTHS), days: 2 }).toISODate()!;
  const candidates = await db
    .select({ id: credentials.id, expiresOn: credentials.expiresOn, timeZone: regions.timeZone })
    .from(credentials)
    .innerJoin(workers, eq(workers.id, credentials.workerId))
    .innerJoin(regions, eq(regions.id, workers.regionId))
    .where(and(eq(credentials.kind, 'big'), eq(credentials.verificationStatus, 'verified'), isNotNull(workers.userId), isNotNull(credentials.expiresOn), lte(credentials.expiresOn, horizon)));
  const sent = candidates.length
    ? await db
        .select({ payload: notifications.payload })
        .from(notifications)
        .where(and(eq(notifications.type, 'big.expiry'), inArray(sql`${notifications.payload}->>'credentialId'`, candidates.map((c) => c.id))))
    : [];
  const isSent = (id: string, expiresOn: string, months: number) =>
    sent.some((n) => n.payload.credentialId === id && n.payload.expiresOn === expiresOn && n.payload.monthsBefore === months);
  let reminded = 0;
  for (const c of candidates) {
    const today = DateTime.fromJSDate(now, { zone: c.timeZone }).startOf('day');
    const expires = DateTime.fromISO(c.expiresOn!, { zone: c.timeZone });
    if (expires < today) continue;
    const due = [...BIG_REMINDER_MONTHS].sort((a, b) => a - b).find((months) => expires.minus({ months }) <= today);
    if (due === undefined || isSent(c.id, c.expiresOn!, due)) continue;
    await db.transaction(async (tx) => notify(tx, { type: 'big.expiry', credentialId: c.id, monthsBefore: due }));
    reminded++;
  }
  return { reminded };
}
