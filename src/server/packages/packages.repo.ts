import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { isAdmin } from '../auth/actor.js';
import type { DbOrTx } from '../db/open-database.js';
import { activityPackages } from '../db/schema.js';

const columns = {
  id: activityPackages.id,
  regionId: activityPackages.regionId,
  code: activityPackages.code,
  nameNl: activityPackages.nameNl,
  nameEn: activityPackages.nameEn,
  descriptionNl: activityPackages.descriptionNl,
  descriptionEn: activityPackages.descriptionEn,
  requiresRegistration: activityPackages.requiresRegistration,
  minQualificationLevel: activityPackages.minQualificationLevel,
};

/** National packages plus those of the regions the actor belongs to. */
export async function listPackages(db: DbOrTx, actor: Actor, regionId?: string) {
  const mayRead = (id: string) => isAdmin(actor) || actor.regionIds.includes(id);
  const regionFilter = regionId ? (mayRead(regionId) ? [regionId] : []) : isAdmin(actor) ? undefined : actor.regionIds;
  const scope = regionFilter === undefined
    ? undefined
    : or(isNull(activityPackages.regionId), regionFilter.length ? inArray(activityPackages.regionId, regionFilter) : sql`false`);
  return db.select(columns).from(activityPackages).where(scope).orderBy(activityPackages.sortOrder, activityPackages.code);
}

export async function findPackagesByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(columns).from(activityPackages).where(inArray(activityPackages.id, ids));
}

export async function findPackageByCode(db: DbOrTx, regionId: string | null, code: string) {
  const [row] = await db
    .select(columns)
    .from(activityPackages)
    .where(and(eq(activityPackages.code, code), regionId ? eq(activityPackages.regionId, regionId) : isNull(activityPackages.regionId)));
  return row;
}

export async function insertPackage(db: DbOrTx, pkg: typeof activityPackages.$inferInsert) {
  const [row] = await db.insert(activityPackages).values(pkg).returning(columns);
  return row!;
}
