import type { ConstraintInfo } from '../../core/index.js';
import type { CompiledProblem } from '../compile.js';
import type { ScoreBreakdown } from '../documents.js';
import type { Plan } from '../plan.js';

/** The rules a marketplace action can be refused by; see ../eligibility.ts. */
export type EligibilityRule =
  | 'package' | 'registration' | 'availability' | 'unavailable' | 'travel' | 'rest' | 'weeklyHours' | 'overlap' | 'demand' | 'supervision';

export interface Reason {
  rule: EligibilityRule;
  /** Values for the message (numbers in minutes, km, ms instants). */
  params: Record<string, number | string>;
}

export type ScoreTerm = Exclude<keyof ScoreBreakdown, 'total'>;

interface ConstraintBase extends ConstraintInfo {
  weight: number;
  /**
   * True when the penalty of an assignment depends on that (shift, worker) pair alone; the search filters
   * such hard rules once, into each shift's candidate list, instead of asking them on every move.
   */
  isPairwise: boolean;
  /** For pairwise constraints: the penalty of one (shift, worker) pair, independent of the plan. */
  pairPenalty?: (problem: CompiledProblem, shift: number, worker: number) => number;
  /** Penalty of the whole plan, from scratch (weighted for soft constraints). */
  evaluate(plan: Plan): number;
  /** Penalty change if `worker` were added to `shift`. */
  deltaAssign(plan: Plan, shift: number, worker: number): number;
  /** Penalty change if `worker` were taken off `shift` (it must be on it). */
  deltaUnassign(plan: Plan, shift: number, worker: number): number;
}

export interface HardConstraint extends ConstraintBase {
  level: 'hard';
  /** The rule of the spec it implements (H1..H9). */
  specRule: string;
  /** The eligibility rule it reports (rest may report `overlap` instead). */
  rule: EligibilityRule;
  /** Why adding `worker` to `shift` would break this rule, or undefined when it would not. */
  whyNot(plan: Plan, shift: number, worker: number): Reason | undefined;
}

export interface SoftConstraint extends ConstraintBase {
  level: 'soft';
  /** The score term of the spec it computes. */
  term: ScoreTerm;
}

export type RegionalConstraint = HardConstraint | SoftConstraint;

type Info = Omit<ConstraintInfo, 'level'> & { weight: number };

/** A constraint whose penalty is a sum over assignments of a (shift, worker) pair penalty. */
export function definePairwise<T extends { level: 'hard' | 'soft' }>(
  info: Info & T,
  pairPenalty: (problem: CompiledProblem, shift: number, worker: number) => number,
): Omit<ConstraintBase, 'level'> & T & { pairPenalty: typeof pairPenalty } {
  return {
    ...info,
    isPairwise: true,
    pairPenalty,
    evaluate: (plan) => {
      let total = 0;
      plan.shiftWorkers.forEach((workers, shift) => {
        for (const worker of workers) total += pairPenalty(plan.problem, shift, worker);
      });
      return total;
    },
    deltaAssign: (plan, shift, worker) => pairPenalty(plan.problem, shift, worker),
    deltaUnassign: (plan, shift, worker) => -pairPenalty(plan.problem, shift, worker),
  };
}

/** Adds `whyNot` to a hard constraint: it fires exactly when the assignment would raise the penalty. */
export function withReason<T extends Omit<HardConstraint, 'whyNot'>>(
  constraint: T,
  params: (plan: Plan, shift: number, worker: number) => Reason['params'],
  rule: (plan: Plan, shift: number, worker: number) => EligibilityRule = () => constraint.rule,
): T & HardConstraint {
  return {
    ...constraint,
    whyNot: (plan, shift, worker) => constraint.deltaAssign(plan, shift, worker) > 0
      ? { rule: rule(plan, shift, worker), params: params(plan, shift, worker) }
      : undefined,
  };
}
