// `npm run bench:claims -- [--workers N] [--shifts N] [--requests N] [--paced-requests N] [--concurrency N]
//    [--logins N] [--pool N] [--serial N] [--app-processes N] [--load-fraction F] [--paced-seconds N] [--quick]
//    [--only claims] [--cpu-prof DIR] [--pg-stats]`
// The marketplace under load on real PostgreSQL: the demo region scaled to 10,000 workers and
// 20,000 open shifts over four weeks, the app in `--app-processes` child processes (node:cluster,
// one shared port) so that the clients' CPU stays out of the app's event loop, a few hundred
// signed-in workers, then "open shifts for me" and claims over keep-alive HTTP (through auth, CSRF
// and validation): one client at a time (serial), many clients back to back (closed loop), and
// many clients with think time (paced, at a fraction of the closed loop's throughput). Afterwards
// the hard rules are checked in SQL. Prints the tables. Targets (the marketplace issue): p99 < 50 ms
// for claims, < 100 ms for open shifts.
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/open-database.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo-region.js';
import { generateScaledRegion, loadScaledRegion } from './claims-region.js';

const PG_TEMP = fileURLToPath(new URL('../scripts/pg-temp.sh', import.meta.url));
const TARGET_P99_MS = { claims: 50, openShifts: 100 } as const;

type Options = {
  workers: number;
  shifts: number;
  requests: number;
  pacedRequests: number;
  concurrency: number;
  logins: number;
  pool: number;
  serial: number;
  appProcesses: number;
  loadFraction: number;
  pacedSeconds: number;
  /** Only the claim scenarios (the open-shift lists they pick from are fetched once per worker). */
  onlyClaims: boolean;
  /** A folder for the app processes' V8 CPU profiles (node --cpu-prof). */
  cpuProf: string | undefined;
  /** Load pg_stat_statements and print the statements that took the most time. */
  pgStats: boolean;
};

function fraction(value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!(n > 0 && n <= 1)) throw new Error(`--load-fraction wants a number in (0, 1], not ${String(value)}`);
  return n;
}

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
      'paced-requests': { type: 'string' },
      'app-processes': { type: 'string' },
      'load-fraction': { type: 'string' },
      'paced-seconds': { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'cpu-prof': { type: 'string' },
      'pg-stats': { type: 'boolean', default: false },
    },
  });
  const quick = values.quick;
  if (values.only !== undefined && values.only !== 'claims') throw new Error(`--only takes "claims", not ${values.only}`);
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
    pacedRequests: number(values['paced-requests'], quick ? 300 : 2000, 'paced-requests'),
    // Two cores: one app process per core, the clients and PostgreSQL sharing them.
    appProcesses: number(values['app-processes'], 2, 'app-processes'),
    loadFraction: fraction(values['load-fraction'], 0.5),
    // A paced scenario ends after `pacedRequests` requests or this many seconds, whichever comes first.
    pacedSeconds: number(values['paced-seconds'], quick ? 20 : 90, 'paced-seconds'),
    onlyClaims: values.only === 'claims',
    cpuProf: values['cpu-prof'],
    pgStats: values['pg-stats'],
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a throwaway server, or a throwaway database on the server DATABASE_URL names

type Server = { url: string; stop: () => void };

function startPostgres(pgStats: boolean): Server {
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
  const env = pgStats ? { ...process.env, PG_TEMP_OPTIONS: '-c shared_preload_libraries=pg_stat_statements' } : process.env;
  const url = execFileSync(PG_TEMP, ['start', dir, port], { encoding: 'utf8', env }).trim();
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
// (closed loop), or after a think time drawn from an exponential distribution (paced: people read
// the list before they claim, so they do not fire back to back)

type Row = {
  scenario: string;
  requests: number;
  concurrency: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
  /** Statuses that count as an answer, not an error (a claim's 409: taken, or not eligible). */
  expected: Set<number>;
  /** Paced: the mean think time, and the request rate it offers (clients ÷ think time). */
  thinkMs?: number;
  /** CPU time (user + system) the app processes spent during the scenario. */
  appCpuMs?: number;
};

async function runScenario(
  scenario: string,
  requests: number,
  concurrency: number,
  expected: number[],
  send: (i: number) => Promise<number>,
  pacing?: { thinkMs: number; random: () => number; seconds: number },
): Promise<Row> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const think = () => (pacing ? sleep(-Math.log(1 - pacing.random()) * pacing.thinkMs) : Promise.resolve());
  let next = 0;
  const started = performance.now();
  const deadline = pacing ? started + pacing.seconds * 1000 : Number.POSITIVE_INFINITY;
  let lastAnswer = started;
  const clientLoop = async () => {
    // Paced clients start spread out, as people do, not all in the first millisecond.
    await think();
    while (next < requests && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      let status: number;
      try {
        status = await send(i);
      } catch {
        status = 0;
      }
      lastAnswer = performance.now();
      latencies.push(lastAnswer - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      await think();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, clientLoop));
  // Until the last answer: a paced client's last think time is no part of the run.
  const seconds = (lastAnswer - started) / 1000;
  return { scenario, requests: latencies.length, concurrency, seconds, latencies, statuses, expected: new Set(expected), ...(pacing ? { thinkMs: pacing.thinkMs } : {}) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
    offered: row.thinkMs === undefined ? undefined : (row.concurrency * 1000) / row.thinkMs,
    throughput: row.requests / row.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    errors,
    statuses: [...row.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' '),
    appCpuMsPerRequest: row.appCpuMs === undefined ? Number.NaN : row.appCpuMs / row.requests,
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
  const loadBefore = loadAverage();
  const server = startPostgres(options.pgStats);
  let database: Database | null = null;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill();
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

    await database.close();
    database = null;

    log(`starting ${options.appProcesses} app process(es) …`);
    const app = await startAppProcesses(options.appProcesses, server.url, options.pool, options.cpuProf);
    const client = makeClient(app.port, options.concurrency);

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
    // Every client's keep-alive connection open before any scenario, as browsers that have the app
    // open already have theirs: a scenario measures requests, not connection set-up.
    await Promise.all(Array.from({ length: options.concurrency }, () => client('GET', '/health')));

    const random = createRandom(42);
    const rows: Row[] = [];
    const eligibleOf = new Map<Session, string[]>();
    const openShifts = async (session: Session) => {
      const response = await client('GET', '/api/me/open-shifts?limit=50', session);
      if (response.status === 200) eligibleOf.set(session, (JSON.parse(response.body) as { id: string }[]).map((s) => s.id));
      return response.status;
    };

    // Paced: think time so that the clients together offer `loadFraction` of what the closed loop
    // achieved (Little's law: rate = clients ÷ (think time + response time), response time left out).
    const paced = (closed: Row) => ({ thinkMs: (options.concurrency * 1000 * closed.seconds) / (options.loadFraction * closed.requests), random, seconds: options.pacedSeconds });

    // With the app's CPU time over the scenario.
    const measured = async (run: () => Promise<Row>): Promise<Row> => {
      const before = await app.cpuMs();
      const row = await run();
      return { ...row, appCpuMs: (await app.cpuMs()) - before };
    };

    if (options.onlyClaims) {
      log('open shifts for me: each signed-in worker once (the lists claims pick from) …');
      await runScenario('lists', sessions.length, 4, [], (i) => openShifts(sessions[i]!));
    } else {
      if (options.pgStats) await sqlOnce(server.url, 'create extension if not exists pg_stat_statements; select pg_stat_statements_reset()');
      log('open shifts for me: serial …');
      rows.push(await measured(() => runScenario('open shifts for me (serial)', options.serial, 1, [], (i) => openShifts(sessions[i % sessions.length]!))));
      log(`open shifts for me: ${options.requests} requests from ${options.concurrency} clients, closed loop …`);
      const openClosed = await measured(() => runScenario('open shifts for me (closed loop)', options.requests, options.concurrency, [], (i) => openShifts(sessions[i % sessions.length]!)));
      rows.push(openClosed);
      log(`open shifts for me: up to ${options.pacedRequests} requests or ${options.pacedSeconds} s from ${options.concurrency} clients, paced …`);
      rows.push(await measured(() => runScenario('open shifts for me (paced)', options.pacedRequests, options.concurrency, [], (i) => openShifts(sessions[i % sessions.length]!), paced(openClosed))));
    }
    const listCount = rows.filter((r) => r.scenario.startsWith('open shifts')).reduce((n, r) => n + r.requests, 0);
    const listStatements = options.pgStats && listCount > 0 ? await topStatements(server.url, listCount, 'list') : undefined;

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
    if (options.pgStats) await sqlOnce(server.url, 'create extension if not exists pg_stat_statements; select pg_stat_statements_reset()');
    log('claims: serial …');
    rows.push(await measured(() => runScenario('claims (serial)', options.serial, 1, [409], claim)));
    log(`claims: ${options.requests} requests from ${options.concurrency} clients, closed loop …`);
    const claimsClosed = await measured(() => runScenario('claims (closed loop)', options.requests, options.concurrency, [409], claim));
    rows.push(claimsClosed);
    log(`claims: up to ${options.pacedRequests} requests or ${options.pacedSeconds} s from ${options.concurrency} clients, paced …`);
    rows.push(await measured(() => runScenario('claims (paced)', options.pacedRequests, options.concurrency, [409], claim, paced(claimsClosed))));
    const claimCount = rows.filter((r) => r.scenario.startsWith('claims')).reduce((n, r) => n + r.requests, 0);
    const statements = options.pgStats ? await topStatements(server.url, claimCount, 'claim') : undefined;

    const appRssMb = await app.stop();
    const invariants = await checkInvariants(server.url);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const summaries = rows.map(summarise);
    const table = markdownTable(
      ['scenario', 'requests', 'clients', 'offered (req/s)', 'achieved (req/s)', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)', 'app CPU (ms/req)', 'errors', 'statuses'],
      summaries.map((s) => [s.scenario, s.requests, s.concurrency, s.offered === undefined ? '–' : s.offered.toFixed(0), s.throughput.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), ms(s.appCpuMsPerRequest), s.errors, s.statuses]),
    );
    const targets = summaries
      .filter((s) => s.concurrency > 1)
      .map((s) => {
        const limit = s.scenario.startsWith('claims') ? TARGET_P99_MS.claims : TARGET_P99_MS.openShifts;
        return `${s.scenario}: p99 ${ms(s.p99)} ms, target < ${limit} ms → ${s.p99 < limit ? 'met' : 'MISSED'}`;
      });
    const output = [
      `Region: ${counts.workers} workers, ${counts.shifts} open shifts (${counts.places} places, ${counts.live} already taken), 4 weeks; ${sessions.length} signed-in workers; server pool ${options.pool}.`,
      `Load: ${loadSeconds.toFixed(1)} s (multi-row inserts in one transaction; generation ${generateSeconds.toFixed(1)} s before it).`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; clients (this process), ${options.appProcesses} app process(es) and PostgreSQL on the same machine; load average before/after ${loadBefore} / ${loadAverage()}.`,
      `Paced: each client thinks for an exponentially distributed time between requests, the mean chosen to offer ${Math.round(options.loadFraction * 100)}% of the closed loop's throughput.`,
      '',
      table,
      '',
      ...targets,
      '',
      markdownTable(
        ['invariant', 'violations'],
        invariants.map((i) => [i.name, i.violations === 0 ? '0 ✓' : `${i.violations} ✗`]),
      ),
      '',
      `Peak RSS: clients ${peakRssMb.toFixed(0)} MB; app processes ${appRssMb.map((r) => r.toFixed(0)).join(', ')} MB.`,
      ...(listStatements ? ['', `PostgreSQL statements during the open-shift scenarios (pg_stat_statements, ${listCount} lists), by total time:`, '', listStatements] : []),
      ...(statements ? ['', `PostgreSQL statements during the claim scenarios (pg_stat_statements, ${claimCount} claims), by total time:`, '', statements] : []),
    ].join('\n');
    process.stdout.write(`${output}\n`);
    return invariants.every((i) => i.violations === 0) ? 0 : 1;
  } finally {
    await database?.close();
    stop();
  }
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function sqlOnce(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The statements that took the most time since the reset (then reset): calls per request, mean and total execution time. */
async function topStatements(url: string, requests: number, per: string): Promise<string> {
  const rows = (await sqlOnce(
    url,
    `select calls::int, mean_exec_time::float8 as mean, total_exec_time::float8 as total, regexp_replace(query, '\\s+', ' ', 'g') as query
       from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 15`,
  )) as { calls: number; mean: number; total: number; query: string }[];
  await sqlOnce(url, 'select pg_stat_statements_reset()');
  return markdownTable(
    [`calls per ${per}`, 'mean (ms)', 'total (ms)', 'statement'],
    rows.map((r) => [(r.calls / requests).toFixed(2), r.mean.toFixed(3), r.total.toFixed(0), `\`${r.query.slice(0, 140).replaceAll('|', '\\|')}\``]),
  );
}

// ---------------------------------------------------------------------------------------------
// The app under test: `count` processes of this same file (node:cluster shares one port between
// them), each with its own pool and its own in-memory open-shift window, as in a deployment.

type AppMessage = { type: 'ready'; port: number } | { type: 'stopped'; rssMb: number } | { type: 'cpu'; ms: number };

async function startAppProcesses(
  count: number,
  url: string,
  pool: number,
  cpuProf: string | undefined,
): Promise<{ port: number; cpuMs: () => Promise<number>; stop: () => Promise<number[]> }> {
  const profile = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : [];
  // The app processes accept their connections themselves. With node:cluster's default round-robin
  // the primary — this process, busy with 200 clients — accepts each one and hands it over, one at a
  // time per app process, each waiting for that process's event loop: the first requests of a
  // closed loop then waited for most of the run (p99 of seconds that were connection set-up).
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: ['--import', 'tsx', ...profile], silent: false });
  const port = await freePort();
  const children = Array.from({ length: count }, () => cluster.fork({ CLAIMS_BENCH_APP: JSON.stringify({ url, pool, port }) }));
  await Promise.all(children.map((child) => nextMessage(child, 'ready')));
  return {
    port,
    cpuMs: async () => {
      const used = await Promise.all(
        children.map(async (child) => {
          const answer = nextMessage(child, 'cpu');
          child.send('cpu');
          return ((await answer) as Extract<AppMessage, { type: 'cpu' }>).ms;
        }),
      );
      return used.reduce((a, b) => a + b, 0);
    },
    stop: async () => {
      const rss = await Promise.all(
        children.map(async (child) => {
          const stopped = nextMessage(child, 'stopped');
          // Exited, so that a CPU profile (written at exit) is complete before anything is killed.
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.send('stop');
          const { rssMb } = (await stopped) as Extract<AppMessage, { type: 'stopped' }>;
          await exited;
          return rssMb;
        }),
      );
      return rss;
    },
  };
}

function nextMessage(child: ReturnType<typeof cluster.fork>, type: AppMessage['type']): Promise<AppMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: AppMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number) => reject(new Error(`app process exited with ${code} before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function serveApp(config: { url: string; pool: number; port: number }): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.url, poolSize: config.pool, shouldMigrate: false });
  const app = await buildApp({ database, webRoot: null, loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  await app.listen({ host: '127.0.0.1', port: config.port });
  // Keep idle keep-alive connections for the whole run (Node's default closes them after 5 s: paced
  // clients think longer than that, and each new connection would be set-up time in the figures).
  app.server.keepAliveTimeout = 600_000;
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ type: 'cpu', ms: (user + system) / 1000 } satisfies AppMessage);
      return;
    }
    if (message !== 'stop') return;
    void (async () => {
      await app.close();
      await database.close();
      process.send?.({ type: 'stopped', rssMb: process.resourceUsage().maxRSS / 1024 } satisfies AppMessage, undefined, undefined, () => {
        process.disconnect();
        process.exit(0);
      });
    })();
  });
  process.send?.({ type: 'ready', port: config.port } satisfies AppMessage);
}

if (cluster.isWorker) {
  serveApp(JSON.parse(process.env.CLAIMS_BENCH_APP ?? '{}') as { url: string; pool: number; port: number }).catch((error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
