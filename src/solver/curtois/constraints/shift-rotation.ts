import type { EmployeeConstraint } from './constraint.js';

/** Rule 2. Nothing carries over from before day 0, so only successions inside the horizon count. */
export const shiftRotation: EmployeeConstraint = {
  id: 'shift-rotation',
  name: 'Shift rotation',
  level: 'hard',
  scope: 'employee',
  description: 'A shift may not be followed on the next day by a shift it forbids (minimum rest).',
  penalizeRow(problem, employee, row, explain) {
    let penalty = 0;
    for (let d = 0; d + 1 < row.length; d++) {
      const s = row[d]!;
      const t = row[d + 1]!;
      if (s >= 0 && t >= 0 && problem.forbidden[s * problem.shiftCount + t] === 1) {
        penalty++;
        explain?.push(`${problem.instance.employees[employee]!.id} days ${d}–${d + 1}: ${problem.instance.shifts[t]!.id} may not follow ${problem.instance.shifts[s]!.id}`);
      }
    }
    return penalty;
  },
};
