import { and, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import type { Actor } from '../auth/actor.js';
import { isAdmin } from '../auth/actor.js';
import type { DbOrTx } from '../db/open-database.js';
import { credentials, locations, organisations, regions, shifts, workers } from '../db/schema.js';

/** Regions an actor may see: an admin all, everyone else the regions they belong to. */
export function regionScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  return actor.regionIds.length ? inArray(regions.id, actor.regionIds) : sql`false`;
}

export async function listRegions(db: DbOrTx, actor: Actor) {
  return db.select().from(regions).where(regionScope(actor)).orderBy(regions.name);
}

export async function findRegion(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(regions).where(and(eq(regions.id, id), regionScope(actor)));
  return row;
}

/** The IANA zone a region counts its days in, or undefined for no such region. */
export async function findRegionTimeZone(db: DbOrTx, id: string): Promise<string | undefined> {
  const [row] = await db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, id));
  return row?.timeZone;
}

export async function findRegionByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

export async function insertRegion(db: DbOrTx, region: typeof regions.$inferInsert) {
  const [row] = await db.insert(regions).values(region).returning();
  return row!;
}

export async function updateRegionRules(db: DbOrTx, id: string, rules: TRegionRules) {
  const [row] = await db.update(regions).set({ rules }).where(eq(regions.id, id)).returning();
  return row!;
}

/** Counts for a coordinator's overview. `expiringWithinDays` looks at registration expiry dates. */
export async function regionCounts(db: DbOrTx, regionId: string, now: Date, expiringWithinDays: number) {
  const [orgs] = await db.select({ n: count() }).from(organisations).where(eq(organisations.regionId, regionId));
  const [locs] = await db
    .select({ n: count() })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(eq(organisations.regionId, regionId));
  const byKind = await db.select({ kind: workers.kind, n: count() }).from(workers).where(eq(workers.regionId, regionId)).groupBy(workers.kind);
  const [open] = await db
    .select({ n: count() })
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .where(and(eq(organisations.regionId, regionId), eq(shifts.status, 'open'), gte(shifts.start, now)));
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + expiringWithinDays * 86_400_000).toISOString().slice(0, 10);
  const [expiring] = await db
    .select({ n: count() })
    .from(credentials)
    .innerJoin(workers, eq(workers.id, credentials.workerId))
    .where(and(eq(workers.regionId, regionId), gte(credentials.expiresOn, today), lte(credentials.expiresOn, horizon)));
  const workersByKind = Object.fromEntries(byKind.map((k) => [k.kind, k.n]));
  return {
    organisationCount: orgs?.n ?? 0,
    locationCount: locs?.n ?? 0,
    workerCount: byKind.reduce((sum, k) => sum + k.n, 0),
    workersByKind,
    openShiftCount: open?.n ?? 0,
    expiringRegistrations: expiring?.n ?? 0,
  };
}
