// `npm run bench:curtois [--time SECONDS] [--only 1,2,3] [--highs | --no-highs] [--seed N] [--no-doc]`
// Solves the 24 Curtois & Qu instances with the engine and, at the same time limit, with the HiGHS
// reference where the model fits, prints one table and (for a full run) writes it into
// docs/curtois.md and a short form into README.md's Curtois section (between markers).
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { curtoisConstraints, CURTOIS_BEST_KNOWN, gapPercent, parseCurtoisInstance, prepareProblem, solveCurtois, solveCurtoisMip, type CurtoisMipResult, type CurtoisProblem } from '../src/solver/curtois/index.js';

const repoRoot = new URL('..', import.meta.url);
const instanceUrl = (n: number) => new URL(`../shared/benchmarks/curtois/Instance${n}.txt`, repoRoot);
// HiGHS (single-threaded WASM, 2 GiB heap) aborts or finds nothing on the largest models; past
// this many columns it is not started, and the table says so.
const MAX_HIGHS_COLUMNS = 150_000;

interface Row {
  instance: number;
  employees: number;
  days: number;
  objective: number;
  bestKnown: number;
  gap: number;
  isFeasible: boolean;
  seconds: number;
  highs: CurtoisMipResult | 'skipped' | 'too large';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { time: { type: 'string', default: '60' }, only: { type: 'string' }, highs: { type: 'boolean', default: true }, 'no-highs': { type: 'boolean' }, seed: { type: 'string', default: '1' }, 'no-doc': { type: 'boolean' } },
  });
  const timeLimitSeconds = Number(values.time);
  const seed = Number(values.seed);
  const withHighs = values.highs && values['no-highs'] !== true;
  const instances = values.only === undefined ? Array.from({ length: 24 }, (_, i) => i + 1) : values.only.split(',').map(Number);
  if (!(timeLimitSeconds > 0) || instances.some((n) => !(n >= 1 && n <= 24))) {
    process.stderr.write('usage: npm run bench:curtois -- [--time SECONDS] [--only 1,2,3] [--highs|--no-highs] [--seed N] [--no-doc]\n');
    return 2;
  }
  const started = new Date();
  const rows: Row[] = [];
  process.stdout.write(`${header().join('\n')}\n`);
  for (const n of instances) {
    const problem = prepareProblem(parseCurtoisInstance(await readFile(instanceUrl(n), 'utf8')));
    // HiGHS runs in its worker while the engine searches on this thread: both get the same limit.
    const highs = withHighs ? (fitsHighs(problem) ? solveCurtoisMip(problem, { timeLimitSeconds }) : Promise.resolve('too large' as const)) : Promise.resolve('skipped' as const);
    const result = await solveCurtois(problem, { timeLimitSeconds, seed });
    const bestKnown = CURTOIS_BEST_KNOWN[n]!;
    const row: Row = {
      instance: n,
      employees: problem.employeeCount,
      days: problem.horizon,
      objective: result.objective,
      bestKnown,
      gap: gapPercent(result.objective, bestKnown),
      isFeasible: result.isFeasible,
      seconds: result.seconds,
      highs: await highs,
    };
    rows.push(row);
    process.stdout.write(`${formatRow(row)}\n`);
  }
  const finished = new Date();
  if (values.only === undefined && values['no-doc'] !== true) await writeDoc(rows, { timeLimitSeconds, seed, started, finished, withHighs });
  return 0;
}

/** Columns of the reference MIP (x, work, weekend, under/over), counted without building it. */
function fitsHighs(problem: CurtoisProblem): boolean {
  const { horizon: h, shiftCount: S, instance } = problem;
  let columns = problem.employeeCount * (h + Math.floor(h / 7)) + 2 * h * S;
  for (const employee of instance.employees) columns += (h - employee.daysOff.length) * employee.maxShifts.filter((limit) => limit > 0).length;
  return columns <= MAX_HIGHS_COLUMNS;
}

function header(): string[] {
  return [
    '| instance | employees | days | objective | best known | gap % | feasible | seconds | HiGHS objective | HiGHS bound | HiGHS status | HiGHS gap % |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | --- | ---: |',
  ];
}

function formatRow(row: Row): string {
  const highs = row.highs;
  const highsCells = typeof highs === 'string'
    ? ['–', '–', highs, '–']
    : [highs.objective === null ? '–' : `${highs.objective}${highs.isFeasible ? '' : ' (infeasible)'}`, highs.bound === null ? '–' : `${highs.bound}`, highs.status, highs.objective === null ? '–' : gapPercent(highs.objective, row.bestKnown).toFixed(2)];
  return `| ${row.instance} | ${row.employees} | ${row.days} | ${row.isFeasible ? row.objective : `${row.objective} (infeasible)`} | ${row.bestKnown} | ${row.gap.toFixed(2)} | ${row.isFeasible ? 'yes' : 'no'} | ${row.seconds.toFixed(1)} | ${highsCells.join(' | ')} |`;
}

const START_MARK = '<!-- bench:curtois:start -->';
const END_MARK = '<!-- bench:curtois:end -->';

/** Writes the measured table between the markers of docs/curtois.md, keeping the prose around them. */
async function writeDoc(rows: Row[], run: { timeLimitSeconds: number; seed: number; started: Date; finished: Date; withHighs: boolean }): Promise<void> {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
  const section = `${START_MARK}
Generated by \`npm run bench:curtois -- --time ${run.timeLimitSeconds}\` on ${run.started.toISOString().slice(0, 10)}, from
${run.started.toISOString().slice(11, 16)} to ${run.finished.toISOString().slice(11, 16)} UTC, on ${machine}. Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.

* Engine: \`solveCurtois\`, one thread, seed ${run.seed}, ${run.timeLimitSeconds} s per instance; "seconds" is its wall time.
* HiGHS: the MIP reference at the same time limit, in a worker thread at the same time as the engine. ${run.withHighs ? `"too large": more than ${MAX_HIGHS_COLUMNS.toLocaleString('en')} columns, not started.` : 'Not run.'}
* Objectives are recomputed by the evaluator. Best known: the benchmark README's table.

${header().join('\n')}
${rows.map(formatRow).join('\n')}
${END_MARK}`;
  const docUrl = new URL('docs/curtois.md', repoRoot);
  const existing = await readFile(docUrl, 'utf8').catch(() => null);
  let text = existing ?? `# Curtois & Qu benchmark: measured results\n\n${START_MARK}\n${END_MARK}\n\n${RULES_START}\n${RULES_END}\n`;
  text = replaceBetween(text, START_MARK, END_MARK, section);
  // The rule table comes from the constraint registry, so the names in the docs never drift.
  const rules = curtoisConstraints.map((c) => `| \`${c.id}\` | ${c.name} | ${c.level} | ${c.description} |`);
  text = replaceBetween(text, RULES_START, RULES_END, `${RULES_START}\n| id | name | level | rule |\n| --- | --- | --- | --- |\n${rules.join('\n')}\n${RULES_END}`);
  await writeFile(docUrl, text);
  await writeReadme(rows, run, machine);
}

const README_START = '<!-- bench:curtois:readme:start -->';
const README_END = '<!-- bench:curtois:readme:end -->';

/** What the load says about the figures: the engine and HiGHS each take a core, so more load than cores means other work shared them. */
function loadNote(): string {
  return Math.max(...loadavg()) > cpus().length + 0.5 ? 'other work shared the cores, so the figures are pessimistic' : 'nothing else running besides the engine and HiGHS';
}

/** The short form for README.md: engine against best known and HiGHS, with date, machine and load. */
async function writeReadme(rows: Row[], run: { timeLimitSeconds: number; seed: number; started: Date }, machine: string): Promise<void> {
  const readmeUrl = new URL('README.md', repoRoot);
  const text = await readFile(readmeUrl, 'utf8');
  if (!text.includes(README_START)) return;
  const lines = rows.map((row) => {
    const highs = typeof row.highs === 'string' ? row.highs : row.highs.objective === null ? `none (${row.highs.status})` : `${row.highs.objective}${row.highs.status === 'optimal' ? ' optimal' : ''}`;
    return `| ${row.instance} | ${row.employees} × ${row.days} | ${row.isFeasible ? row.objective : `${row.objective} (infeasible)`} | ${row.bestKnown} | ${row.gap.toFixed(2)} | ${row.seconds.toFixed(1)} | ${highs} |`;
  });
  const section = `${README_START}
Measured ${run.started.toISOString().slice(0, 10)} with \`npm run bench:curtois -- --time ${run.timeLimitSeconds}\` (seed ${run.seed}) on ${machine};
load average at the end ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${loadNote()}).

| instance | employees × days | engine | best known | gap % | seconds | HiGHS, same limit |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${lines.join('\n')}
${README_END}`;
  await writeFile(readmeUrl, replaceBetween(text, README_START, README_END, section));
}

const RULES_START = '<!-- curtois:rules:start -->';
const RULES_END = '<!-- curtois:rules:end -->';

function replaceBetween(text: string, startMark: string, endMark: string, replacement: string): string {
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  return start >= 0 && end > start ? `${text.slice(0, start)}${replacement}${text.slice(end + endMark.length)}` : `${text}\n${replacement}\n`;
}

process.exitCode = await main();
