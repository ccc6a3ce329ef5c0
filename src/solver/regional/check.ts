import type { CompiledProblem } from './compile.js';
import type { ScoreBreakdown } from './documents.js';
import { Plan } from './plan.js';
import { evaluatePlan, listViolations } from './score.js';

export interface CheckResult {
  feasible: boolean;
  violations: Array<{ rule: string; message: string }>;
  score: ScoreBreakdown;
  assigned: number;
  places: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The project's own checker: the same result shape as the spec's reference script, computed by the
 * constraint registry. Unknown ids and repeated pairs are H1 violations and are left out of the plan that gets scored.
 */
export function checkSolution(problem: CompiledProblem, solution: unknown): CheckResult {
  const violations: CheckResult['violations'] = [];
  const plan = new Plan(problem);
  const list = isObject(solution) && Array.isArray(solution.assignments) ? solution.assignments as unknown[] : undefined;
  if (!list) violations.push({ rule: 'H1', message: 'assignments: must be an array' });
  let assigned = 0;
  (list ?? []).forEach((a, i) => {
    const shift = isObject(a) ? problem.shiftIndex.get(a.shiftId as string) : undefined;
    const worker = isObject(a) ? problem.workerIndex.get(a.workerId as string) : undefined;
    if (shift === undefined || worker === undefined) {
      violations.push({ rule: 'H1', message: `assignments[${i}]: unknown shift or worker` });
      return;
    }
    // As in the reference: a repeated pair is reported and then counted once.
    if (plan.hasAssignment(shift, worker)) {
      violations.push({ rule: 'H1', message: `assignments[${i}]: (${problem.shiftIds[shift]!}, ${problem.workerIds[worker]!}) given twice` });
      return;
    }
    plan.add(shift, worker);
    assigned++;
  });
  for (const v of listViolations(plan)) violations.push({ rule: v.specRule, message: `${v.constraintId}: ${v.message}` });
  const evaluation = evaluatePlan(plan);
  if (evaluation.score.hard > 0 && violations.length === 0) violations.push({ rule: 'hard', message: `hard penalty ${evaluation.score.hard}` });
  return {
    feasible: violations.length === 0,
    violations,
    score: evaluation.breakdown,
    assigned,
    places: problem.shiftDemand.reduce((a, d) => a + d, 0),
  };
}
