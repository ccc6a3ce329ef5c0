import { and, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { isAdmin } from '../auth/actor.js';
import type { DbOrTx } from '../db/open-database.js';
import { locations, organisations, shifts } from '../db/schema.js';

/** Organisations' public facts are visible inside their region; admins see all regions. */
export function organisationScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  return actor.regionIds.length ? inArray(organisations.regionId, actor.regionIds) : sql`false`;
}

// Qualified by hand: drizzle renders a column without its table in single-table selects, and an
// unqualified "id" inside the subquery would be the location's own id.
const locationCount = sql<number>`(select count(*)::int from locations l where l.organisation_id = "organisations"."id")`;

export async function listOrganisations(db: DbOrTx, actor: Actor, regionId?: string) {
  return db
    .select({ id: organisations.id, regionId: organisations.regionId, name: organisations.name, sector: organisations.sector, locationCount })
    .from(organisations)
    .where(and(organisationScope(actor), regionId ? eq(organisations.regionId, regionId) : undefined))
    .orderBy(organisations.name);
}

export async function findOrganisation(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: organisations.id, regionId: organisations.regionId, name: organisations.name, sector: organisations.sector, locationCount })
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationScope(actor)));
  return row;
}

export async function listLocations(db: DbOrTx, organisationId: string) {
  return db.select().from(locations).where(eq(locations.organisationId, organisationId)).orderBy(locations.name);
}

export async function countOpenShifts(db: DbOrTx, organisationId: string, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(shifts)
    .where(and(eq(shifts.organisationId, organisationId), eq(shifts.status, 'open'), gte(shifts.start, now)));
  return row?.n ?? 0;
}

export async function insertOrganisation(db: DbOrTx, organisation: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(organisation).returning();
  return row!;
}

export async function updateOrganisation(db: DbOrTx, id: string, patch: Partial<typeof organisations.$inferInsert>) {
  await db.update(organisations).set(patch).where(eq(organisations.id, id));
}

export async function findOrganisationByName(db: DbOrTx, regionId: string, name: string) {
  const [row] = await db.select().from(organisations).where(and(eq(organisations.regionId, regionId), eq(organisations.name, name)));
  return row;
}

export async function insertLocation(db: DbOrTx, location: typeof locations.$inferInsert) {
  const [row] = await db.insert(locations).values(location).returning();
  return row!;
}

export async function findLocation(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ location: locations, regionId: organisations.regionId })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(and(eq(locations.id, id), organisationScope(actor)));
  return row;
}

export async function updateLocation(db: DbOrTx, id: string, patch: Partial<typeof locations.$inferInsert>) {
  const [row] = await db.update(locations).set(patch).where(eq(locations.id, id)).returning();
  return row!;
}
