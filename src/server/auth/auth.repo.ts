import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { TRoleBinding } from '../../shared/auth.schemas.js';
import type { TLocale } from '../../shared/common.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { preparedFor } from '../db/prepared.js';
import { organisations, regions, sessions, userRoles, users, workers } from '../db/schema.js';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return user;
}

export async function insertSession(db: DbOrTx, session: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: DbOrTx) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
}

/**
 * The signed-in user of a session token, with their roles and the regions those give, in one
 * statement (every request runs it).
 */
export async function findSessionUser(db: DbOrTx, tokenHash: string) {
  const statement = preparedFor(db, 'session_user', () =>
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        csrfToken: sessions.csrfToken,
        workerId: workers.id,
        workerRegionId: workers.regionId,
        roles: sql<TRoleBinding[]>`coalesce((select json_agg(json_build_object('role', r.role, 'organisationId', r.organisation_id, 'regionId', r.region_id))
          from user_roles r where r.user_id = ${users.id}), '[]'::json)`,
        organisationRegionIds: sql<string[]>`coalesce((select json_agg(distinct o.region_id) from user_roles r join organisations o on o.id = r.organisation_id
          where r.user_id = ${users.id}), '[]'::json)`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(workers, eq(workers.userId, users.id))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`), sql`${users.disabledAt} is null`))
      .prepare('session_user'),
  );
  const [found] = await statement.execute({ tokenHash });
  if (!found) return undefined;
  const { organisationRegionIds, ...row } = found;
  const regionIds = new Set([
    ...row.roles.filter((r) => r.regionId).map((r) => r.regionId!),
    ...organisationRegionIds,
    ...(row.workerRegionId ? [row.workerRegionId] : []),
  ]);
  return { ...row, regionIds: [...regionIds] };
}

export async function updateLocale(db: DbOrTx, userId: string, locale: TLocale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function insertUser(db: DbOrTx, user: typeof users.$inferInsert, roles: Omit<typeof userRoles.$inferInsert, 'userId'>[]) {
  const [created] = await db.insert(users).values(user).returning();
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((r) => ({ ...r, userId: created!.id })));
  return created!;
}

export async function listUsers(db: DbOrTx) {
  const rows = await db.select().from(users).orderBy(users.email);
  const roles = await db.select().from(userRoles);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role, organisationId: r.organisationId, regionId: r.regionId })),
  }));
}

/** Role bindings that point at an organisation or region that does not exist, as field issues. */
export async function findMissingBindings(db: DbOrTx, roles: { organisationId?: string | null; regionId?: string | null }[]) {
  const orgIds = roles.map((r) => r.organisationId).filter((id): id is string => !!id);
  const regionIds = roles.map((r) => r.regionId).filter((id): id is string => !!id);
  const knownOrgs = new Set(orgIds.length ? (await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => o.id) : []);
  const knownRegions = new Set(regionIds.length ? (await db.select({ id: regions.id }).from(regions).where(inArray(regions.id, regionIds))).map((r) => r.id) : []);
  const issues: { path: string; message: string }[] = [];
  roles.forEach((r, i) => {
    if (r.organisationId && !knownOrgs.has(r.organisationId)) issues.push({ path: `roles[${i}].organisationId`, message: 'does not exist' });
    if (r.regionId && !knownRegions.has(r.regionId)) issues.push({ path: `roles[${i}].regionId`, message: 'does not exist' });
  });
  return issues;
}
