// One benchmark row, run in its own process so peak memory belongs to this instance alone.
// Usage: node --import tsx bench/planning-run.ts NAME TIME_SECONDS [--no-highs]; prints one JSON line.
import { readFileSync } from 'node:fs';
import { checkSolution } from '../src/solver/regional/check.js';
import { compileOrThrow } from '../src/solver/regional/compile.js';
import { constructFirstFit } from '../src/solver/regional/construct.js';
import type { ProblemDocument } from '../src/solver/regional/documents.js';
import { generateProblem } from '../src/solver/regional/generate.js';
import { buildCandidates, RegionalModel } from '../src/solver/regional/model.js';
import { buildRegionalMip, solveRegionalMip } from '../src/solver/regional/mip.js';
import { Plan } from '../src/solver/regional/plan.js';
import { evaluatePlan } from '../src/solver/regional/score.js';
import { solveProblem, toSolutionDocument } from '../src/solver/regional/solve.js';

export interface PlanningBenchRow {
  name: string;
  workers: number;
  places: number;
  timeLimitSeconds: number;
  engineSeconds: number;
  engineScore: number;
  feasible: boolean;
  engineMemoryMb: number;
  highs: Array<{ timeLimitSeconds: number; status: string; score: number | null; bound: number | null }> | string;
  firstFitScore: number;
}

/** Generated sizes: `gen-<workers>x<days>[-<places>]`. */
export function loadInstance(name: string): ProblemDocument {
  const generated = /^gen-(\d+)x(\d+)(?:-(\d+))?$/.exec(name);
  if (generated) {
    return generateProblem({ seed: 1, workers: Number(generated[1]), days: Number(generated[2]), ...(generated[3] !== undefined && { places: Number(generated[3]) }) });
  }
  return JSON.parse(readFileSync(new URL(`../../shared/instances/${name}.json`, import.meta.url), 'utf8')) as ProblemDocument;
}

/** HiGHS gets no model above this many columns: the WASM build aborts or cannot even load the LP in time. */
const MAX_MIP_COLUMNS = 300_000;

async function runRow(name: string, seconds: number, isHighsWanted: boolean): Promise<PlanningBenchRow> {
  const document = loadInstance(name);
  const problem = compileOrThrow(document);
  const started = performance.now();
  const result = await solveProblem(document, {
    timeLimitMs: seconds * 1000, seed: 1, threads: 2,
    onProgress: (p) => process.stderr.write(`  ${name} t${p.threadIndex} ${(p.elapsedMs / 1000).toFixed(0)}s best ${p.best.soft.toFixed(1)}\r`),
  });
  const engineSeconds = (performance.now() - started) / 1000;
  const engineMemoryMb = process.resourceUsage().maxRSS / 1024;
  const check = checkSolution(problem, toSolutionDocument(problem, result));

  const candidates = buildCandidates(problem);
  const firstFit = new RegionalModel(problem, undefined, candidates);
  constructFirstFit(firstFit);

  let highs: PlanningBenchRow['highs'] = 'not run';
  if (isHighsWanted) {
    const columns = candidates.reduce((n, c) => n + c.length, 0);
    if (columns > MAX_MIP_COLUMNS) highs = `too large (${columns} columns)`;
    else {
      highs = [];
      const mipRows = buildRegionalMip(problem, candidates).mip.numRows;
      process.stderr.write(`  ${name}: MIP ${columns} columns, ${mipRows} rows\n`);
      for (const limit of [seconds, 10 * seconds]) {
        const mip = await solveRegionalMip(problem, { timeLimitSeconds: limit, candidates });
        let score: number | null = null;
        if (mip.assignments) {
          const plan = new Plan(problem);
          for (const a of mip.assignments) plan.add(a.shift, a.worker);
          score = evaluatePlan(plan).score.soft;
        }
        highs.push({ timeLimitSeconds: limit, status: mip.status, score, bound: mip.bound });
        if (mip.status === 'optimal') break;
      }
    }
  }
  return {
    name, workers: problem.workerIds.length, places: check.places, timeLimitSeconds: seconds, engineSeconds,
    engineScore: result.score.soft, feasible: check.feasible && result.score.hard === 0, engineMemoryMb, highs, firstFitScore: firstFit.score().soft,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name, seconds] = process.argv.slice(2);
  const row = await runRow(name!, Number(seconds), !process.argv.includes('--no-highs'));
  process.stdout.write(`${JSON.stringify(row)}\n`);
  process.exit(0);
}
