// `npm run bench:planning [-- --quick] [-- --only NAME]`: the planning engine on every example instance and
// on generated sizes, against HiGHS (same time and ten times as long) and a first-fit greedy. Prints one
// markdown table; each row runs in its own process (peak memory per instance). Not a test: timings depend
// on the machine.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PlanningBenchRow } from './planning-run.js';

const FULL: Array<[string, number]> = [
  ['ex-small', 10], ['ex-medium', 10], ['ex-large', 30], ['gen-60x14', 10], ['gen-3000x28', 30], ['gen-10000x28-100000', 30],
];
const QUICK: Array<[string, number]> = [['ex-small', 2], ['ex-medium', 5], ['gen-60x14', 2]];

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const rows = (args.includes('--quick') ? QUICK : FULL).filter(([name]) => only === undefined || name.includes(only));
const runner = fileURLToPath(new URL('./planning-run.ts', import.meta.url));

const fmt = (n: number | null): string => (n === null ? '—' : n.toFixed(1));
const lines = [
  '| instance | workers | places | time limit | engine score | feasible | HiGHS same time | HiGHS 10× time | gap to optimum | first-fit greedy | engine peak memory | load avg |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const [name, seconds] of rows) {
  process.stderr.write(`${name} (${seconds} s)...\n`);
  // The machine is shared: the 1-minute load average before and after the row says how pessimistic it is.
  const loadBefore = loadavg()[0]!;
  const out = execFileSync(process.execPath, ['--import', 'tsx', runner, name, String(seconds), ...(args.includes('--no-highs') ? ['--no-highs'] : [])], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24,
  });
  const r = JSON.parse(out.trim().split('\n').pop()!) as PlanningBenchRow;
  const highsCell = (k: number): string => {
    if (typeof r.highs === 'string') return k === 0 ? r.highs : '—';
    const h = r.highs[k];
    if (!h) return k === 1 && r.highs[0]?.status === 'optimal' ? '(optimal already)' : '—';
    return `${fmt(h.score)} (${h.status})`;
  };
  let gap = '—';
  if (typeof r.highs !== 'string') {
    const optimal = r.highs.find((h) => h.status === 'optimal');
    const bound = Math.max(...r.highs.map((h) => h.bound ?? Number.NEGATIVE_INFINITY));
    if (optimal?.score != null) gap = `${((100 * (r.engineScore - optimal.score)) / optimal.score).toFixed(3)} %`;
    else if (Number.isFinite(bound)) gap = `≤ ${((100 * (r.engineScore - bound)) / bound).toFixed(2)} % (to bound)`;
  }
  lines.push(`| ${name} | ${r.workers} | ${r.places} | ${r.timeLimitSeconds} s (took ${r.engineSeconds.toFixed(1)} s) | ${fmt(r.engineScore)} | ${r.feasible ? 'yes' : 'NO'} | ${highsCell(0)} | ${highsCell(1)} | ${gap} | ${fmt(r.firstFitScore)} | ${r.engineMemoryMb.toFixed(0)} MB | ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} |`);
  process.stderr.write(`${lines[lines.length - 1]!}\n`);
}
process.stdout.write(`${lines.join('\n')}\n`);
