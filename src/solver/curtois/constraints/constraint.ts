// A Curtois constraint is a named unit on the shared ConstraintInfo shape. Most rules look at one
// employee's row only, which is what lets the search check a changed row in isolation; cover is
// the one rule over the whole roster.
import type { ConstraintInfo } from '../../core/constraint.js';
import type { CurtoisProblem, Roster } from '../problem.js';

export interface EmployeeConstraint extends ConstraintInfo {
  scope: 'employee';
  /** Penalty of one employee's row: for a hard rule the size of the violation, for a soft one its objective terms. `explain` collects a line per violation. */
  penalizeRow(problem: CurtoisProblem, employee: number, row: Int16Array, explain?: string[]): number;
}

export interface RosterConstraint extends ConstraintInfo {
  scope: 'roster';
  penalizeRoster(problem: CurtoisProblem, roster: Roster, explain?: string[]): number;
}

export type CurtoisConstraint = EmployeeConstraint | RosterConstraint;

/** Calls `visit(start, length, isWork)` for each maximal run of working days or days off. */
export function forEachRun(row: Int16Array, visit: (start: number, length: number, isWork: boolean) => void): void {
  let start = 0;
  for (let d = 1; d <= row.length; d++) {
    if (d === row.length || row[d]! >= 0 !== row[start]! >= 0) {
      visit(start, d - start, row[start]! >= 0);
      start = d;
    }
  }
}
