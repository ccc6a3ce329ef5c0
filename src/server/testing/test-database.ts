// A fresh, migrated database per test file: on PGlite loaded from a migrated template (about 1 s
// instead of 5 s for initdb), on PostgreSQL (DATABASE_URL set) a throwaway database on that server.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dumpPglite, migrationsFolder, openDatabase, type Database } from '../db/open-database.js';
import { ensureNationalPackages } from '../packages/packages.service.js';

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) hash.update(readFileSync(join(migrationsFolder, file)));
  return hash.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `harmonica-pglite-template-${migrationsHash()}.tgz`);
  if (!existsSync(path)) {
    const blob = await dumpPglite();
    const partial = `${path}.${randomUUID()}`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, path);
  }
  return new Blob([readFileSync(path)]);
}

export type TestDatabase = { database: Database; close: () => Promise<void> };

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `harmonica_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: options.poolSize ?? 10 });
    await ensureNationalPackages(database.db);
    return {
      database,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const database = await openDatabase({ loadDataDir: await pgliteTemplate() });
  await ensureNationalPackages(database.db);
  return { database, close: () => database.close() };
}
