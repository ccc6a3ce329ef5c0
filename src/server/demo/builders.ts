// Small builders with defaults and overrides. The demo region, the integration tests and the
// browser tests all create their data through these, so they exercise the same shapes.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TRole } from '../../shared/auth.schemas.js';
import { NL_ATW_RULES } from '../../shared/regions.schemas.js';
import { insertUser } from '../auth/auth.repo.js';
import { hashPassword } from '../auth/password.js';
import type { DbOrTx } from '../db/open-database.js';
import { activityPackages, credentials, locations, organisations, regions, shifts, workerPackages, workers } from '../db/schema.js';
import { lookupPostcode } from '../geo/postcodes.js';

const unique = () => randomUUID().slice(0, 8);

export async function buildRegion(db: DbOrTx, overrides: Partial<typeof regions.$inferInsert> = {}) {
  const [row] = await db
    .insert(regions)
    .values({ code: `region-${unique()}`, name: 'Regio Test', country: 'NL', timeZone: 'Europe/Amsterdam', rules: NL_ATW_RULES, ...overrides })
    .returning();
  return row!;
}

export async function buildOrganisation(db: DbOrTx, overrides: Partial<typeof organisations.$inferInsert> & { regionId: string }) {
  const [row] = await db.insert(organisations).values({ name: `Zorggroep ${unique()}`, sector: 'vvt', ...overrides }).returning();
  return row!;
}

export async function buildLocation(db: DbOrTx, overrides: Partial<typeof locations.$inferInsert> & { organisationId: string }) {
  const postcode = overrides.postcode ?? '3584';
  const point = lookupPostcode(postcode);
  const [row] = await db
    .insert(locations)
    .values({
      name: `Locatie ${unique()}`,
      address: 'Heidelberglaan 100',
      city: point?.place ?? 'Utrecht',
      lat: point?.lat ?? 52.087,
      lon: point?.lon ?? 5.18,
      timeZone: 'Europe/Amsterdam',
      ...overrides,
      postcode,
    })
    .returning();
  return row!;
}

let defaultHash: Promise<string> | undefined;
export const DEFAULT_TEST_PASSWORD = 'harmonica-demo';

export async function buildUser(
  db: DbOrTx,
  overrides: {
    email?: string;
    name?: string;
    password?: string;
    passwordHash?: string;
    locale?: 'nl' | 'en';
    roles?: { role: TRole; organisationId?: string | null; regionId?: string | null }[];
  } = {},
) {
  defaultHash ??= hashPassword(DEFAULT_TEST_PASSWORD);
  const passwordHash = overrides.passwordHash ?? (overrides.password ? await hashPassword(overrides.password) : await defaultHash);
  return insertUser(
    db,
    { email: overrides.email ?? `user-${unique()}@example.org`, name: overrides.name ?? 'Test Gebruiker', passwordHash, locale: overrides.locale ?? 'nl' },
    (overrides.roles ?? []).map((r) => ({ role: r.role, organisationId: r.organisationId ?? null, regionId: r.regionId ?? null })),
  );
}

export async function findPackageIdsByCode(db: DbOrTx, codes: string[]): Promise<string[]> {
  const all = await db.select({ id: activityPackages.id, code: activityPackages.code }).from(activityPackages);
  return codes.map((code) => {
    const found = all.find((p) => p.code === code);
    if (!found) throw new Error(`no activity package with code ${code}`);
    return found.id;
  });
}

export async function buildWorker(
  db: DbOrTx,
  overrides: Partial<typeof workers.$inferInsert> & { regionId: string; packages?: string[]; big?: { number: string; expiresOn: string | null; verified?: boolean } },
) {
  const { packages = [], big, ...columns } = overrides;
  const postcode = columns.homePostcode ?? '3511';
  const point = lookupPostcode(postcode);
  const [row] = await db
    .insert(workers)
    .values({
      kind: 'flex',
      firstName: 'Sam',
      lastName: `Test ${unique()}`,
      email: `worker-${unique()}@example.org`,
      homeLat: point?.lat ?? 52.09,
      homeLon: point?.lon ?? 5.12,
      qualificationLevel: 3,
      maxTravelKm: 25,
      ...columns,
      homePostcode: postcode,
    })
    .returning();
  const packageIds = await findPackageIdsByCode(db, packages);
  if (packageIds.length) await db.insert(workerPackages).values(packageIds.map((packageId) => ({ workerId: row!.id, packageId })));
  if (big) {
    await db.insert(credentials).values({
      workerId: row!.id,
      kind: 'big',
      number: big.number,
      profession: 'verpleegkundige',
      expiresOn: big.expiresOn,
      verificationStatus: big.verified === false ? 'unverified' : 'verified',
    });
  }
  return row!;
}

/** A worker with a login. */
export async function buildWorkerWithUser(db: DbOrTx, overrides: Parameters<typeof buildWorker>[1] & { email?: string; password?: string }) {
  const email = overrides.email ?? `worker-${unique()}@example.org`;
  const user = await buildUser(db, { email, ...(overrides.password ? { password: overrides.password } : {}), roles: [{ role: 'worker', regionId: overrides.regionId }] });
  const worker = await buildWorker(db, { ...overrides, email, userId: user.id });
  return { user, worker };
}

export async function buildShift(
  db: DbOrTx,
  overrides: Partial<typeof shifts.$inferInsert> & { organisationId: string; locationId: string; packageCode?: string },
) {
  const { packageCode = 'basic-care', ...columns } = overrides;
  const [packageId] = columns.packageId ? [columns.packageId] : await findPackageIdsByCode(db, [packageCode]);
  const start = columns.start ?? new Date(Date.now() + 2 * 86_400_000);
  const [row] = await db
    .insert(shifts)
    .values({ places: 1, priority: 3, ...columns, packageId: packageId!, start, end: columns.end ?? new Date(start.getTime() + 8 * 3_600_000) })
    .returning();
  return row!;
}

export async function findWorkerByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(workers).where(eq(workers.email, email));
  return row;
}
