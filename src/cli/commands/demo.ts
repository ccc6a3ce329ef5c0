import { clearDatabase, loadDemoRegion } from '../../server/demo/demo-region.js';
import { ensureNationalPackages } from '../../server/packages/packages.service.js';
import { describeDatabase, openConfiguredDatabase } from './open.js';
import { printLogins } from './serve.js';

export const summary = 'delete all data and load the demo region again';

export async function run(args: string[]): Promise<number> {
  if (!args.includes('--yes')) {
    process.stderr.write('This deletes all data in the database. Run `harmonica demo --yes` to go ahead.\n');
    return 2;
  }
  const { config, database } = await openConfiguredDatabase();
  await clearDatabase(database.db);
  await ensureNationalPackages(database.db);
  const logins = await loadDemoRegion(database.db);
  await database.close();
  process.stdout.write(`Demo region loaded into ${describeDatabase(config)}\n`);
  printLogins(logins);
  return 0;
}
