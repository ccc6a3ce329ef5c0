import { describeDatabase, openConfiguredDatabase } from './open.js';

export const summary = 'apply the database migrations and exit';

export async function run(): Promise<number> {
  const { config, database } = await openConfiguredDatabase();
  await database.startQueue();
  await database.close();
  process.stdout.write(`Migrations applied to ${describeDatabase(config)}\n`);
  return 0;
}
