// Small builders with defaults and overrides. The demo region, the integration tests and the
// browser tests all create their data through these, so they exercise the same shapes.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TRole } from '../../shared/auth.schemas.js';
import { NL_ATW_RULES } from '../../shared/regions.schemas.js';
import { insertUser } from '../auth/auth.repo.js';
import { hashPassword } from '../auth/password.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import {
  activityPackages,
  credentials,
  locations,
  organisations,
  regions,
  shifts,
  workerAvailabilityExceptions,
  workerPackages,
  workerPreferredOrganisations,
  workers,
  workerWeeklyAvailability,
} from '../db/schema.js';
import { lookupPostcode } from '../geo/postcodes.js';
import { generateRegion, localInstant, type GenerateRegionOptions } from './generate-region.js';
import { loadGeneratedRegion } from './load-region.js';

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

/** The hash of DEFAULT_TEST_PASSWORD, computed once per process (scrypt is slow on purpose). */
export function defaultPasswordHash(): Promise<string> {
  defaultHash ??= hashPassword(DEFAULT_TEST_PASSWORD);
  return defaultHash;
}

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
  const passwordHash = overrides.passwordHash ?? (overrides.password ? await hashPassword(overrides.password) : await defaultPasswordHash());
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

export type WorkerExtras = {
  /** Activity package codes, e.g. ['basic-care', 'nursing']. */
  packages?: string[];
  big?: { number: string; expiresOn: string | null; verified?: boolean };
  /** Weekly windows in the region's zone; weekday 1 = Monday, endMinute may pass 1440. */
  weeklyAvailability?: { weekday: number; startMinute: number; endMinute: number }[];
  availabilityExceptions?: { isAvailable: boolean; start: Date; end: Date; reason?: string }[];
  preferredOrganisationIds?: string[];
};

export async function buildWorker(db: DbOrTx, overrides: Partial<typeof workers.$inferInsert> & { regionId: string } & WorkerExtras) {
  const { packages = [], big, weeklyAvailability = [], availabilityExceptions = [], preferredOrganisationIds = [], ...columns } = overrides;
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
  if (weeklyAvailability.length) await db.insert(workerWeeklyAvailability).values(weeklyAvailability.map((w) => ({ workerId: row!.id, ...w })));
  if (availabilityExceptions.length) {
    await db.insert(workerAvailabilityExceptions).values(availabilityExceptions.map((e) => ({ workerId: row!.id, ...e, reason: e.reason ?? '' })));
  }
  if (preferredOrganisationIds.length) {
    await db.insert(workerPreferredOrganisations).values(preferredOrganisationIds.map((organisationId) => ({ workerId: row!.id, organisationId })));
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

/**
 * Local wall-clock times for a shift: `{ date: '2027-03-27', start: '23:00', end: '07:30' }` is a
 * night from Saturday to Sunday (an end at or before the start is on the next day).
 */
export type LocalShiftTimes = { date: string; start: string; end: string; timeZone?: string };

export function localShiftInstants(times: LocalShiftTimes): { start: Date; end: Date } {
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  const zone = times.timeZone ?? 'Europe/Amsterdam';
  const startMinute = minutes(times.start);
  const endMinute = minutes(times.end) + (minutes(times.end) <= startMinute ? 1440 : 0);
  return { start: localInstant(times.date, startMinute, zone).toJSDate(), end: localInstant(times.date, endMinute, zone).toJSDate() };
}

export async function buildShift(
  db: DbOrTx,
  overrides: Partial<typeof shifts.$inferInsert> & { organisationId: string; locationId: string; packageCode?: string; local?: LocalShiftTimes },
) {
  const { packageCode = 'basic-care', local, ...columns } = overrides;
  const [packageId] = columns.packageId ? [columns.packageId] : await findPackageIdsByCode(db, [packageCode]);
  const localTimes = local ? localShiftInstants(local) : undefined;
  const start = columns.start ?? localTimes?.start ?? new Date(Date.now() + 2 * 86_400_000);
  const end = columns.end ?? localTimes?.end ?? new Date(start.getTime() + 8 * 3_600_000);
  const [row] = await db
    .insert(shifts)
    .values({ places: 1, priority: 3, ...columns, packageId: packageId!, start, end })
    .returning();
  return row!;
}

/**
 * A whole generated region (see generate-region.ts) in one go, for tests that need a realistic
 * pool: `buildGeneratedRegion(db, { seed: 1, workerCount: 40, weeks: 1 })`.
 */
export async function buildGeneratedRegion(db: Db, options: GenerateRegionOptions = {}) {
  const generated = generateRegion(options);
  const loaded = await loadGeneratedRegion(db, generated, { passwordHash: await defaultPasswordHash() });
  return { generated, ...loaded };
}

export async function findWorkerByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(workers).where(eq(workers.email, email));
  return row;
}
