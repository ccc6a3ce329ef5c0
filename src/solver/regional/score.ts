import type { Score } from '../core/index.js';
import { constraints, hardConstraints, softConstraints, type HardConstraint } from './constraints/index.js';
import type { ScoreBreakdown } from './documents.js';
import type { Plan } from './plan.js';

export interface PlanEvaluation {
  score: Score;
  breakdown: ScoreBreakdown;
  /** Penalty per hard constraint id (0 everywhere when feasible). */
  hardPenalties: Record<string, number>;
}

/** Scores a plan from scratch with every registered constraint. */
export function evaluatePlan(plan: Plan): PlanEvaluation {
  const breakdown: ScoreBreakdown = { uncovered: 0, travel: 0, unpreferred: 0, overDesired: 0, underMinimum: 0, cost: 0, total: 0 };
  for (const c of softConstraints) breakdown[c.term] = c.evaluate(plan);
  breakdown.total = breakdown.uncovered + breakdown.travel + breakdown.unpreferred + breakdown.overDesired + breakdown.underMinimum + breakdown.cost;
  const hardPenalties: Record<string, number> = {};
  let hard = 0;
  for (const c of hardConstraints) {
    const penalty = c.evaluate(plan);
    hardPenalties[c.id] = penalty;
    hard += c.weight * penalty;
  }
  return { score: { hard, soft: breakdown.total }, breakdown, hardPenalties };
}

export interface Violation {
  constraintId: string;
  specRule: string;
  shiftId: string;
  workerId: string;
  message: string;
}

/**
 * Every assignment whose removal would lower a hard penalty, per broken rule: the pairs a coordinator has
 * to look at. A rest conflict is reported on both of its shifts.
 */
export function listViolations(plan: Plan): Violation[] {
  const violations: Violation[] = [];
  const p = plan.problem;
  for (const { shift, worker } of plan.assignments()) {
    for (const c of hardConstraints) {
      if (c.deltaUnassign(plan, shift, worker) < 0) violations.push(describe(plan, c, shift, worker));
    }
  }
  return violations;

  function describe(planIn: Plan, c: HardConstraint, shift: number, worker: number): Violation {
    return { constraintId: c.id, specRule: c.specRule, shiftId: p.shiftIds[shift]!, workerId: p.workerIds[worker]!, message: `${c.name} broken by ${p.shiftIds[shift]!}/${p.workerIds[worker]!} (penalty ${-c.deltaUnassign(planIn, shift, worker)})` };
  }
}

export { constraints };
