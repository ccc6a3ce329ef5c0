// Opens the database: a real PostgreSQL when DATABASE_URL is set, otherwise an embedded
// PGlite (PostgreSQL 18 in WebAssembly) whose files live in a local folder. Both run the same
// generated migrations, and pg-boss runs on both (its PGlite adapter shares the one connection).
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { PgBoss, fromPglite } from 'pg-boss';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: everything a repository needs, usable inside or outside a transaction. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The job queue; null until startQueue() ran. */
  boss: PgBoss | null;
  startQueue: () => Promise<PgBoss>;
  /** Raw SQL for a few health and maintenance queries. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  /** PGlite folder; undefined = in memory. */
  dataDir?: string | undefined;
  /** A dumped PGlite data folder to start from (tests load a migrated template). */
  loadDataDir?: Blob | undefined;
  shouldMigrate?: boolean;
  poolSize?: number;
};

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const shouldMigrate = options.shouldMigrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (shouldMigrate) await migratePg(drizzlePg(pool), { migrationsFolder });
    let boss: PgBoss | null = null;
    const database: Database = {
      db,
      kind: 'postgres',
      get boss() {
        return boss;
      },
      startQueue: async () => {
        if (boss) return boss;
        boss = new PgBoss({ connectionString: options.databaseUrl, useListenNotify: true, max: 4 });
        boss.on('error', (error: unknown) => console.error('job queue:', error));
        await boss.start();
        return boss;
      },
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        if (boss) await boss.stop({ graceful: true, timeout: 3000 });
        await pool.end();
      },
    };
    return database;
  }

  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { btree_gist },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (shouldMigrate) await migratePglite(drizzlePglite(client), { migrationsFolder });
  let boss: PgBoss | null = null;
  return {
    db,
    kind: 'pglite',
    get boss() {
      return boss;
    },
    startQueue: async () => {
      if (boss) return boss;
      boss = new PgBoss({ db: fromPglite(client), backend: 'pglite' });
      boss.on('error', (error: unknown) => console.error('job queue:', error));
      await boss.start();
      return boss;
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (boss) await boss.stop({ graceful: true, timeout: 3000 });
      await client.close();
    },
  };
}

/** Dump a PGlite database (used to build the migrated template for tests). */
export async function dumpPglite(dataDir?: string): Promise<Blob> {
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gist } });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  const blob = await client.dumpDataDir('gzip');
  await client.close();
  return blob;
}
