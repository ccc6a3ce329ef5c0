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
  /** smtp://user:pass@host:port (smtps:// for TLS); unset = mail is kept in the dev mailbox only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of links in mails and of calendar feed URLs. */
  publicUrl: string;
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
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Harmonica <noreply@harmonica.localhost>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
  };
}
