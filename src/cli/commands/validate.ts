import { readFile } from 'node:fs/promises';
import { checkSolution } from '../../solver/regional/check.js';
import { compileProblem } from '../../solver/regional/compile.js';

export const summary = 'check a plan: validate PROBLEM.json SOLUTION.json [--json] (exit 0 feasible, 1 infeasible, 2 unreadable)';

export async function run(args: string[]): Promise<number> {
  const [problemPath, solutionPath] = args.filter((a) => !a.startsWith('--'));
  if (problemPath === undefined || solutionPath === undefined) {
    process.stderr.write('usage: harmonica validate PROBLEM.json SOLUTION.json [--json]\n');
    return 2;
  }
  let problemDoc: unknown;
  let solutionDoc: unknown;
  try {
    problemDoc = JSON.parse(await readFile(problemPath, 'utf8'));
    solutionDoc = JSON.parse(await readFile(solutionPath, 'utf8'));
  } catch (err) {
    process.stderr.write(`cannot read input: ${(err as Error).message}\n`);
    return 2;
  }
  const compiled = compileProblem(problemDoc);
  if (!compiled.ok) {
    for (const issue of compiled.issues) process.stderr.write(`${issue.path}: ${issue.message}\n`);
    return 2;
  }
  const result = checkSolution(compiled.problem, solutionDoc);
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    for (const v of result.violations.slice(0, 50)) process.stdout.write(`${v.rule} ${v.message}\n`);
    if (result.violations.length > 50) process.stdout.write(`... ${result.violations.length - 50} more violations\n`);
    const terms = Object.entries(result.score as unknown as Record<string, number>).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ');
    process.stdout.write(`assigned ${result.assigned}/${result.places} places; ${terms}\n`);
    process.stdout.write(result.feasible ? 'feasible\n' : `INFEASIBLE: ${result.violations.length} violations\n`);
  }
  return result.feasible ? 0 : 1;
}
