import { buildApp } from '../../server/app.js';
import { isDatabaseEmpty, loadDemoRegion, type DemoLogin } from '../../server/demo/demo-region.js';
import { startNotificationJobs } from '../../server/notifications/jobs.js';
import { startPlanningJobs } from '../../server/planning/planning.service.js';
import { warmCaches } from '../../server/warm/warm-caches.js';
import { describeDatabase, openConfiguredDatabase } from './open.js';

export const summary = 'start the web server (loads the demo region into an empty database)';

export function printLogins(logins: DemoLogin[]): void {
  process.stdout.write(`\nDemo logins (password for all: ${logins[0]?.password ?? ''}):\n`);
  for (const login of logins) process.stdout.write(`  ${login.role.padEnd(12)} ${login.email.padEnd(32)} ${login.description}\n`);
  process.stdout.write('\n');
}

export async function run(): Promise<number> {
  const { config, database } = await openConfiguredDatabase();
  process.stdout.write(`Harmonica: database ${describeDatabase(config)}\n`);
  if (config.loadDemo && (await isDatabaseEmpty(database.db))) {
    process.stdout.write('Empty database: loading the demo region…\n');
    printLogins(await loadDemoRegion(database.db));
  }
  await database.startQueue();
  await startNotificationJobs(database, config);
  await startPlanningJobs(database);
  const app = await buildApp({ database, logger: config.logLevel !== 'silent', secureCookies: config.secureCookies });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`Harmonica runs on http://localhost:${config.port} (API docs at /api/docs)\n`);
  // In the background: the first ranking and open-shift list of each region need not load them.
  void warmCaches(database.db).catch((error: unknown) => process.stderr.write(`warming the caches failed (they load on first use): ${String(error)}\n`));
  return new Promise<number>(() => undefined);
}
