// Configuration from the environment; the README's configuration table lists the same keys.
import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  loadDemo: boolean;
  secureCookies: boolean;
  logLevel: string;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.HARMONICA_DATA_DIR ?? './data'),
    loadDemo: (env.HARMONICA_DEMO ?? 'true') !== 'false',
    secureCookies: env.SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
