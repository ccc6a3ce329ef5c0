import type { Score } from '../core/index.js';
import { hardConstraints, softConstraints } from './constraints/index.js';
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
  const p = plan.problem;
  const violations: Violation[] = [];
  for (const { shift, worker } of plan.assignments()) {
    for (const c of hardConstraints) {
      const relief = -c.deltaUnassign(plan, shift, worker);
      if (relief <= 0) continue;
      const shiftId = p.shiftIds[shift]!;
      const workerId = p.workerIds[worker]!;
      violations.push({ constraintId: c.id, specRule: c.specRule, shiftId, workerId, message: `${c.name} broken by ${shiftId}/${workerId} (penalty ${relief})` });
    }
  }
  return violations;
}
