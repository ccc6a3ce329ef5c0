// `npm run bench:claims -- [--workers N] [--shifts N] [--requests N] [--concurrency N] [--logins N] [--pool N] [--quick]`
// The marketplace under load on real PostgreSQL: the demo region scaled to 10,000 workers and
// 20,000 open shifts over four weeks, the app in this process listening on a port, a few hundred
// signed-in workers, then "open shifts for me" and claims from many concurrent clients over
// keep-alive HTTP (through auth, CSRF and validation), and afterwards the hard rules checked in SQL.
// Prints one table. Targets (the marketplace issue): p99 < 50 ms for claims, < 100 ms for open shifts.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/open-database.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo-region.js';
import { generateScaledRegion, loadScaledRegion } from './claims-region.js';

const PG_TEMP = fileURLToPath(new URL('../scripts/pg-temp.sh', import.meta.url));
const TARGET_P99_MS = { claims: 50, openShifts: 100 } as const;

type Options = { workers: number; shifts: number; requests: number; concurrency: number; logins: number; pool: number; serial: number };

function readOptions(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      workers: { type: 'string' },
      shifts: { type: 'string' },
      requests: { type: 'string' },
      concurrency: { type: 'string' },
      logins: { type: 'string' },
      pool: { type: 'string' },
      serial: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick;
  const number = (value: string | undefined, fallback: number, name: string) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive whole number, not ${String(value)}`);
    return n;
  };
  return {
    workers: number(values.workers, quick ? 500 : 10_000, 'workers'),
    shifts: number(values.shifts, quick ? 2_000 : 20_000, 'shifts'),
    requests: number(values.requests, quick ? 200 : 600, 'requests'),
    concurrency: number(values.concurrency, quick ? 20 : 200, 'concurrency'),
    logins: number(values.logins, quick ? 30 : 200, 'logins'),
    // The pool the server gets: PostgreSQL here allows 300 connections.
    pool: number(values.pool, 20, 'pool'),
    // Requests one after another per scenario, for the service time without queueing.
    serial: number(values.serial, quick ? 10 : 30, 'serial'),
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a throwaway server, or a throwaway database on the server DATABASE_URL names

type Server = { url: string; stop: () => void };

function startPostgres(): Server {
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = `harmonica_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const psql = (statement: string) => execFileSync('psql', [given, '-qAtc', statement], { stdio: ['ignore', 'ignore', 'inherit'] });
    psql(`create database ${name}`);
    const url = new URL(given);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: () => psql(`drop database if exists ${name} with (force)`) };
  }
  const dir = `/tmp/harmonica-bench-claims.${process.pid}`;
  const port = String(50_000 + Math.floor(Math.random() * 10_000));
  const url = execFileSync(PG_TEMP, ['start', dir, port], { encoding: 'utf8' }).trim();
  return { url, stop: () => execFileSync(PG_TEMP, ['stop', dir], { stdio: 'inherit' }) };
}

// ---------------------------------------------------------------------------------------------
// HTTP over keep-alive sockets (node:http: lighter than fetch, and the load runs in the same process)

type Response = { status: number; body: string; headers: http.IncomingHttpHeaders };
type Session = { email: string; cookie: string; csrfToken: string };

function makeClient(port: number, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return (method: 'GET' | 'POST', path: string, session?: Session, body?: unknown): Promise<Response> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: http.OutgoingHttpHeaders = {};
      if (payload !== undefined) headers['content-type'] = 'application/json';
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrfToken;
      }
      const request = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
}
type Client = ReturnType<typeof makeClient>;

async function logIn(client: Client, email: string): Promise<Session> {
  const response = await client('POST', '/api/auth/login', undefined, { email, password: DEMO_PASSWORD });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.body}`);
  const cookie = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
  return { email, cookie, csrfToken: (JSON.parse(response.body) as { csrfToken: string }).csrfToken };
}

// ---------------------------------------------------------------------------------------------
// Scenarios: `concurrency` clients, each sending its next request as soon as the last one answered

type Row = {
  scenario: string;
  requests: number;
  concurrency: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
  /** Statuses that count as an answer, not an error (a claim's 409: taken, or not eligible). */
  expected: Set<number>;
};

async function runScenario(scenario: string, requests: number, concurrency: number, expected: number[], send: (i: number) => Promise<number>): Promise<Row> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const clientLoop = async () => {
    while (next < requests) {
      const i = next++;
      const t = performance.now();
      let status: number;
      try {
        status = await send(i);
      } catch {
        status = 0;
      }
      latencies.push(performance.now() - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, clientLoop));
  const seconds = (performance.now() - started) / 1000;
  return { scenario, requests, concurrency, seconds, latencies, statuses, expected: new Set(expected) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(row: Row) {
  const sorted = [...row.latencies].sort((a, b) => a - b);
  let errors = 0;
  for (const [status, n] of row.statuses) if (!(status >= 200 && status < 300) && !row.expected.has(status)) errors += n;
  return {
    scenario: row.scenario,
    requests: row.requests,
    concurrency: row.concurrency,
    throughput: row.requests / row.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    errors,
    statuses: [...row.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' '),
  };
}

function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((h, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The hard rules, checked in SQL over every live assignment afterwards

const INVARIANTS: { name: string; sql: string }[] = [
  {
    name: 'no shift with more live assignments than places',
    sql: `select count(*)::int as n from (
            select s.id from shifts s join assignments a on a.shift_id = s.id and a.status in ('pending', 'confirmed')
            group by s.id, s.places having count(*) > s.places) x`,
  },
  {
    name: 'no worker with two overlapping live assignments',
    sql: `select count(*)::int as n from assignments a join assignments b
            on a.worker_id = b.worker_id and a.id < b.id and a.start < b."end" and b.start < a."end"
           where a.status in ('pending', 'confirmed') and b.status in ('pending', 'confirmed')`,
  },
  {
    name: 'newcomers within supervision capacity',
    sql: `select count(*)::int as n from (
            select s.id from shifts s join assignments a on a.shift_id = s.id and a.status in ('pending', 'confirmed') and a.is_newcomer
            group by s.id, s.supervision_capacity having count(*) > s.supervision_capacity) x`,
  },
  {
    // The engine's rest rule: the region's minimum rest between consecutive shifts of a worker.
    name: 'minimum rest between consecutive live assignments',
    sql: `select count(*)::int as n from (
            select a.start - lag(a."end") over (partition by a.worker_id order by a.start) as gap, (r.rules->>'minRestMinutes')::int as rest
              from assignments a join workers w on w.id = a.worker_id join regions r on r.id = w.region_id
             where a.status in ('pending', 'confirmed')) x
           where gap is not null and gap < make_interval(mins => rest)`,
  },
  {
    // The engine's weekly-hours rule: minutes of the shifts starting in a local week, capped by the
    // region's rule and the worker's own maximum.
    name: 'weekly hours within the cap',
    sql: `select count(*)::int as n from (
            select a.worker_id, date_trunc('week', a.start at time zone r.time_zone) as week,
                   sum(extract(epoch from a."end" - a.start) / 60) as minutes,
                   least((r.rules->>'maxMinutesPerWeek')::int, coalesce(nullif(w.max_minutes_per_week, 0), 2147483647)) as cap
              from assignments a join workers w on w.id = a.worker_id join regions r on r.id = w.region_id
             where a.status in ('pending', 'confirmed')
             group by a.worker_id, week, r.rules, w.max_minutes_per_week) x
           where minutes > cap`,
  },
];

async function checkInvariants(url: string): Promise<{ name: string; violations: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const results: { name: string; violations: number }[] = [];
    for (const invariant of INVARIANTS) {
      const { rows } = await client.query<{ n: number }>(invariant.sql);
      results.push({ name: invariant.name, violations: rows[0]!.n });
    }
    return results;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

/** A small seeded generator, so the claim mix is the same on every run. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

async function main(): Promise<number> {
  const options = readOptions();
  const server = startPostgres();
  let database: Database | null = null;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      server.stop();
    } catch (error) {
      log(`could not stop PostgreSQL: ${String(error)}`);
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }

  try {
    database = await openDatabase({ databaseUrl: server.url, poolSize: options.pool });
    log(`generating ${options.workers} workers, ${options.shifts} shifts …`);
    let t = performance.now();
    const region = generateScaledRegion({ workerCount: options.workers, shiftCount: options.shifts, loginCount: options.logins });
    const generateSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await loadScaledRegion(database.db, region);
    const loadSeconds = (performance.now() - t) / 1000;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('analyze');
    const counts = (
      await admin.query<{ workers: number; shifts: number; places: number; live: number }>(
        `select (select count(*)::int from workers) as workers, (select count(*)::int from shifts where status = 'open') as shifts,
                (select sum(places)::int from shifts where status = 'open') as places,
                (select count(*)::int from assignments where status in ('pending', 'confirmed')) as live`,
      )
    ).rows[0]!;
    await admin.end();
    log(`loaded in ${loadSeconds.toFixed(1)} s (generated in ${generateSeconds.toFixed(1)} s): ${counts.workers} workers, ${counts.shifts} open shifts, ${counts.live} assignments already`);

    const app = await buildApp({ database, webRoot: null, loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const client = makeClient(port, options.concurrency);

    // Sign in (scrypt is slow on purpose, so a few at a time).
    t = performance.now();
    const sessions: Session[] = [];
    let nextLogin = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (nextLogin < region.loginEmails.length) sessions.push(await logIn(client, region.loginEmails[nextLogin++]!));
      }),
    );
    log(`${sessions.length} workers signed in in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const random = createRandom(42);
    const rows: Row[] = [];
    const eligibleOf = new Map<Session, string[]>();
    const openShifts = async (session: Session) => {
      const response = await client('GET', '/api/me/open-shifts?limit=50', session);
      if (response.status === 200) eligibleOf.set(session, (JSON.parse(response.body) as { id: string }[]).map((s) => s.id));
      return response.status;
    };

    log('open shifts for me: serial …');
    rows.push(await runScenario('open shifts for me (serial)', options.serial, 1, [], (i) => openShifts(sessions[i % sessions.length]!)));
    log(`open shifts for me: ${options.requests} requests from ${options.concurrency} clients …`);
    rows.push(await runScenario('open shifts for me', options.requests, options.concurrency, [], (i) => openShifts(sessions[i % sessions.length]!)));

    // The claim mix: 30% on the twenty shifts most workers may take (they collide), the rest on a
    // random shift from the claimant's own list.
    const popularity = new Map<string, Session[]>();
    for (const [session, ids] of eligibleOf) for (const id of ids) popularity.set(id, [...(popularity.get(id) ?? []), session]);
    const popular = [...popularity].sort((a, b) => b[1].length - a[1].length).slice(0, 20);
    const withShifts = [...eligibleOf].filter(([, ids]) => ids.length > 0);
    if (withShifts.length === 0) throw new Error('no signed-in worker may take any shift: nothing to claim');
    const pickClaim = (): { session: Session; shiftId: string } => {
      if (popular.length > 0 && random() < 0.3) {
        const [shiftId, claimants] = popular[Math.floor(random() * popular.length)]!;
        return { session: claimants[Math.floor(random() * claimants.length)]!, shiftId };
      }
      const [session, ids] = withShifts[Math.floor(random() * withShifts.length)]!;
      return { session, shiftId: ids[Math.floor(random() * ids.length)]! };
    };
    const claim = async () => {
      const { session, shiftId } = pickClaim();
      return (await client('POST', `/api/shifts/${shiftId}/claims`, session)).status;
    };
    log('claims: serial …');
    rows.push(await runScenario('claims (serial)', options.serial, 1, [409], claim));
    log(`claims: ${options.requests} requests from ${options.concurrency} clients …`);
    rows.push(await runScenario('claims', options.requests, options.concurrency, [409], claim));

    await app.close();
    const invariants = await checkInvariants(server.url);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const summaries = rows.map(summarise);
    const table = markdownTable(
      ['scenario', 'requests', 'concurrency', 'throughput (req/s)', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)', 'errors', 'statuses'],
      summaries.map((s) => [s.scenario, s.requests, s.concurrency, s.throughput.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), s.errors, s.statuses]),
    );
    const target = (name: string, p99: number, limit: number) => `${name}: p99 ${ms(p99)} ms, target < ${limit} ms → ${p99 < limit ? 'met' : 'MISSED'}`;
    const claims = summaries.find((s) => s.scenario === 'claims')!;
    const open = summaries.find((s) => s.scenario === 'open shifts for me')!;
    const output = [
      `Region: ${counts.workers} workers, ${counts.shifts} open shifts (${counts.places} places, ${counts.live} already taken), 4 weeks; ${sessions.length} signed-in workers; server pool ${options.pool}.`,
      `Load: ${loadSeconds.toFixed(1)} s (multi-row inserts in one transaction; generation ${generateSeconds.toFixed(1)} s before it).`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; client, server and PostgreSQL on the same machine.`,
      '',
      table,
      '',
      target('claims', claims.p99, TARGET_P99_MS.claims),
      target('open shifts for me', open.p99, TARGET_P99_MS.openShifts),
      '',
      markdownTable(
        ['invariant', 'violations'],
        invariants.map((i) => [i.name, i.violations === 0 ? '0 ✓' : `${i.violations} ✗`]),
      ),
      '',
      `Peak RSS of the bench process (app and clients): ${peakRssMb.toFixed(0)} MB.`,
    ].join('\n');
    process.stdout.write(`${output}\n`);
    return invariants.every((i) => i.violations === 0) ? 0 : 1;
  } finally {
    await database?.close();
    stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
