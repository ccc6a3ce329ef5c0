// The demo region loaded on first start and by `harmonica demo`: a generated "Regio Utrecht"
// (generate-region.ts) with a handful of fixed logins, all with the password `harmonica-demo`.
import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { regions } from '../db/schema.js';
import { DEFAULT_TEST_PASSWORD, defaultPasswordHash } from './builders.js';
import { generateRegion, type GenerateRegionOptions } from './generate-region.js';
import { loadGeneratedRegion, type LoadRegionOptions } from './load-region.js';

export const DEMO_PASSWORD = DEFAULT_TEST_PASSWORD;

export type DemoLogin = { role: string; email: string; password: string; description: string };

/** True when no region exists yet (a fresh database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(regions);
  return (row?.n ?? 0) === 0;
}

/** Deletes every row of the application's tables (not the schema, not the job queue). */
export async function clearDatabase(db: Db): Promise<void> {
  await db.execute(sql`truncate table audit_log, sessions, credentials, worker_availability_exceptions, worker_weekly_availability,
    worker_preferred_organisations, worker_packages, shifts, workers, user_roles, users, locations, organisations, activity_packages, regions cascade`);
}

export type LoadDemoOptions = GenerateRegionOptions & Pick<LoadRegionOptions, 'passwordHash'>;

/** Generates the demo region (seeded: the same data every time, dated from `now`) and loads it. */
export async function loadDemoRegion(db: Db, options: LoadDemoOptions = {}): Promise<DemoLogin[]> {
  const { passwordHash, ...generateOptions } = options;
  const generated = generateRegion(generateOptions);
  await loadGeneratedRegion(db, generated, { passwordHash: passwordHash ?? (await defaultPasswordHash()) });
  return generated.accounts
    .filter((a) => a.demoLogin)
    .map((a) => ({ role: a.roles[0]!.role, email: a.email, password: DEMO_PASSWORD, description: a.demoLogin!.description }));
}
