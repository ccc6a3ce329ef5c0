import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { compileProblem } from '../../solver/regional/compile.js';
import { explainPlan } from '../../solver/regional/explain.js';
import { Plan } from '../../solver/regional/plan.js';
import { solveProblem, toSolutionDocument } from '../../solver/regional/solve.js';

export const summary = 'plan a region: solve PROBLEM.json [--time S] [--seed N] [--threads N] [--no-explain] > SOLUTION.json';

const USAGE = 'usage: harmonica solve PROBLEM.json [--time SECONDS] [--seed N] [--threads N] [--no-explain]\n';

function readFlag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const path = args.find((a, i) => !a.startsWith('--') && (i === 0 || !['--time', '--seed', '--threads'].includes(args[i - 1]!)));
  const seconds = Number(readFlag(args, '--time') ?? 10);
  const seed = Number(readFlag(args, '--seed') ?? 1);
  const threads = Number(readFlag(args, '--threads') ?? Math.min(2, availableParallelism()));
  if (path === undefined || !(seconds > 0) || !Number.isInteger(seed) || !Number.isInteger(threads) || threads < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    process.stderr.write(`cannot read ${path}: ${(err as Error).message}\n`);
    return 2;
  }
  const compiled = compileProblem(document);
  if (!compiled.ok) {
    for (const issue of compiled.issues) process.stderr.write(`${issue.path}: ${issue.message}\n`);
    process.stderr.write(`${path}: rejected, ${compiled.issues.length} problem(s)\n`);
    return 2;
  }
  const problem = compiled.problem;
  let bestSoFar = Number.POSITIVE_INFINITY;
  const result = await solveProblem(document, {
    timeLimitMs: seconds * 1000,
    seed,
    threads,
    onProgress: (p) => {
      if (p.best.soft >= bestSoFar && p.elapsedMs < seconds * 1000 - 1) return;
      bestSoFar = Math.min(bestSoFar, p.best.soft);
      process.stderr.write(`${(p.elapsedMs / 1000).toFixed(1)}s best ${p.best.soft.toFixed(3)} (thread ${p.threadIndex}, ${p.iterations} moves)\n`);
    },
  });
  const solution = toSolutionDocument(problem, result);
  if (!args.includes('--no-explain')) {
    const plan = new Plan(problem);
    for (const { shift, worker } of result.assignments) plan.add(shift, worker);
    solution.explanation = explainPlan(plan);
  }
  const b = result.breakdown;
  process.stderr.write(`done: ${result.assignments.length} assignments, ${result.score.hard === 0 ? 'feasible' : `INFEASIBLE (hard ${result.score.hard})`}; `
    + `total ${b.total.toFixed(3)} = uncovered ${b.uncovered} + travel ${b.travel.toFixed(3)} + unpreferred ${b.unpreferred} + overDesired ${b.overDesired.toFixed(3)} `
    + `+ underMinimum ${b.underMinimum} + cost ${b.cost.toFixed(3)}; ${result.iterations} moves on ${result.threads} thread(s)\n`);
  process.stdout.write(`${JSON.stringify(solution, null, 1)}\n`);
  return 0;
}
