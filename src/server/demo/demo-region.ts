// The demo region loaded on first start and by `harmonica demo`: a generated "Regio Utrecht"
// (generate-region.ts) with a handful of fixed logins, all with the password `harmonica-demo`.
import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { regions } from '../db/schema.js';
import { DEFAULT_TEST_PASSWORD, defaultPasswordHash } from './builders.js';
import { loadDemoCompetences } from './demo-competences.js';
import { loadDemoJourneys } from './demo-journeys.js';
import { generateRegion, type GenerateRegionOptions } from './generate-region.js';
import { loadGeneratedRegion, type LoadRegionOptions } from './load-region.js';

export const DEMO_PASSWORD = DEFAULT_TEST_PASSWORD;

export type DemoLogin = { role: string; email: string; password: string; description: string };

/** True when no region exists yet (a fresh database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(regions);
  return (row?.n ?? 0) === 0;
}

/**
 * Deletes every row of the application's tables: all tables of the public schema, so tables added
 * later are cleared too. The migrations (schema "drizzle") and the job queue (schema "pgboss") stay.
 */
export async function clearDatabase(db: Db): Promise<void> {
  const result = await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const names = (result as { rows: { tablename: string }[] }).rows.map((r) => `"public"."${r.tablename.replaceAll('"', '""')}"`);
  if (names.length) await db.execute(sql.raw(`truncate table ${names.join(', ')} cascade`));
}

export type LoadDemoOptions = GenerateRegionOptions & Pick<LoadRegionOptions, 'passwordHash'>;

/** Generates the demo region (seeded: the same data every time, dated from `now`) and loads it. */
export async function loadDemoRegion(db: Db, options: LoadDemoOptions = {}): Promise<DemoLogin[]> {
  const { passwordHash, ...generateOptions } = options;
  const generated = generateRegion(generateOptions);
  const loaded = await loadGeneratedRegion(db, generated, { passwordHash: passwordHash ?? (await defaultPasswordHash()) });
  await loadDemoJourneys(db, loaded.regionId, generateOptions.now ?? new Date());
  await loadDemoCompetences(db, loaded.regionId, generateOptions.now ?? new Date());
  return generated.accounts
    .filter((a) => a.demoLogin)
    .map((a) => ({ role: a.roles[0]!.role, email: a.email, password: DEMO_PASSWORD, description: a.demoLogin!.description }));
}
