// The exact evaluator of the published problem: every registered rule over a whole roster.
import { curtoisConstraints } from './constraints/index.js';
import { rowOf, type CurtoisProblem, type Roster } from './problem.js';

export interface ConstraintTotal {
  id: string;
  name: string;
  level: 'hard' | 'soft';
  penalty: number;
  violations: string[];
}

export interface RosterEvaluation {
  /** No hard rule is broken. */
  isFeasible: boolean;
  /** The published objective (sum of the soft terms); only meaningful when feasible. */
  objective: number;
  /** Sum of the hard penalties (0 when feasible). */
  hardPenalty: number;
  totals: ConstraintTotal[];
}

export function evaluateRoster(problem: CurtoisProblem, roster: Roster): RosterEvaluation {
  if (roster.length !== problem.employeeCount * problem.horizon) throw new Error(`roster has ${roster.length} cells, expected ${problem.employeeCount * problem.horizon}`);
  const totals = curtoisConstraints.map((constraint): ConstraintTotal => {
    const violations: string[] = [];
    let penalty = 0;
    if (constraint.scope === 'roster') penalty = constraint.penalizeRoster(problem, roster, violations);
    else for (let e = 0; e < problem.employeeCount; e++) penalty += constraint.penalizeRow(problem, e, rowOf(problem, roster, e), violations);
    return { id: constraint.id, name: constraint.name, level: constraint.level, penalty, violations };
  });
  const hardPenalty = totals.filter((t) => t.level === 'hard').reduce((sum, t) => sum + t.penalty, 0);
  const objective = totals.filter((t) => t.level === 'soft').reduce((sum, t) => sum + t.penalty, 0);
  return { isFeasible: hardPenalty === 0, objective, hardPenalty, totals };
}
