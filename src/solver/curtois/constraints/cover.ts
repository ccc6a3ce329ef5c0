import type { CurtoisProblem } from '../problem.js';
import type { RosterConstraint } from './constraint.js';

/** Cost of one (day, shift) cover cell when `count` employees work it. */
export function coverCellCost(problem: CurtoisProblem, cell: number, count: number): number {
  const requirement = problem.requirement[cell]!;
  return count < requirement ? problem.weightUnder[cell]! * (requirement - count) : problem.weightOver[cell]! * (count - requirement);
}

/** Employees on each (day, shift) cell, indexed `day * shiftCount + shift`. */
export function countCover(problem: CurtoisProblem, roster: Int16Array): Int32Array {
  const counts = new Int32Array(problem.horizon * problem.shiftCount);
  for (let e = 0; e < problem.employeeCount; e++) {
    for (let d = 0; d < problem.horizon; d++) {
      const value = roster[e * problem.horizon + d]!;
      if (value >= 0) counts[d * problem.shiftCount + value]!++;
    }
  }
  return counts;
}

export const cover: RosterConstraint = {
  id: 'cover',
  name: 'Cover',
  level: 'soft',
  scope: 'roster',
  description: 'Each (day, shift) wants Requirement employees: each one short costs WeightUnder (100), each one over WeightOver (1).',
  penalizeRoster(problem, roster, explain) {
    const counts = countCover(problem, roster);
    let penalty = 0;
    counts.forEach((count, cell) => {
      const cost = coverCellCost(problem, cell, count);
      if (cost > 0) {
        penalty += cost;
        explain?.push(`day ${Math.floor(cell / problem.shiftCount)} ${problem.instance.shifts[cell % problem.shiftCount]!.id}: ${count} of ${problem.requirement[cell]} (${cost})`);
      }
    });
    return penalty;
  },
};
