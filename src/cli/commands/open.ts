// Opens the configured database for a CLI command: PostgreSQL with DATABASE_URL, else PGlite in the data folder.
import { mkdirSync } from 'node:fs';
import { readConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/open-database.js';
import { ensureNationalPackages } from '../../server/packages/packages.service.js';

export async function openConfiguredDatabase() {
  const config = readConfig();
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  await ensureNationalPackages(database.db);
  return { config, database };
}

export function describeDatabase(config: ReturnType<typeof readConfig>): string {
  return config.databaseUrl ? `PostgreSQL at ${config.databaseUrl.replace(/\/\/[^@]*@/, '//…@')}` : `embedded PGlite in ${config.dataDir}`;
}
