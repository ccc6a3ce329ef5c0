// The demo region loaded on first start and by `harmonica demo`.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { ensureNationalPackages } from '../packages/packages.service.js';
import { buildLocation, buildOrganisation, buildRegion, buildUser, buildWorkerWithUser, DEFAULT_TEST_PASSWORD } from './builders.js';

export const DEMO_PASSWORD = DEFAULT_TEST_PASSWORD;

export type DemoLogin = { role: string; email: string; password: string; description: string };

/** True when no region exists yet (a fresh database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute(sql`select count(*)::int as n from regions`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) === 0;
}

/** Deletes every row of the application's tables (not the schema, not the job queue). */
export async function clearDatabase(db: Db): Promise<void> {
  await db.execute(sql`truncate table audit_log, sessions, credentials, worker_availability_exceptions, worker_weekly_availability,
    worker_preferred_organisations, worker_packages, shifts, workers, user_roles, users, locations, organisations, activity_packages, regions cascade`);
}

export async function loadDemoRegion(db: Db): Promise<DemoLogin[]> {
  await ensureNationalPackages(db);
  const region = await buildRegion(db, { code: 'utrecht', name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital' });
  await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584', address: 'Heidelberglaan 100' });
  await buildUser(db, { email: 'admin@harmonica.demo', name: 'Ada Admin', roles: [{ role: 'admin' }] });
  await buildUser(db, { email: 'coordinator@harmonica.demo', name: 'Cor Coördinator', roles: [{ role: 'coordinator', regionId: region.id }] });
  await buildUser(db, { email: 'mediator@harmonica.demo', name: 'Mila Bemiddelaar', roles: [{ role: 'mediator', regionId: region.id }] });
  await buildUser(db, { email: 'planner@harmonica.demo', name: 'Piet Planner', roles: [{ role: 'planner', organisationId: hospital.id }] });
  await buildWorkerWithUser(db, { regionId: region.id, email: 'worker@harmonica.demo', firstName: 'Wendy', lastName: 'Werker', kind: 'reservist', packages: ['basic-care'] });
  return [
    { role: 'admin', email: 'admin@harmonica.demo', password: DEMO_PASSWORD, description: 'everything' },
    { role: 'coordinator', email: 'coordinator@harmonica.demo', password: DEMO_PASSWORD, description: 'Regio Utrecht' },
    { role: 'mediator', email: 'mediator@harmonica.demo', password: DEMO_PASSWORD, description: 'Regio Utrecht' },
    { role: 'planner', email: 'planner@harmonica.demo', password: DEMO_PASSWORD, description: hospital.name },
    { role: 'worker', email: 'worker@harmonica.demo', password: DEMO_PASSWORD, description: 'a reservist' },
  ];
}
