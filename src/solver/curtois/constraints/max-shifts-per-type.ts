import type { EmployeeConstraint } from './constraint.js';

/** Rule 3. Penalty: shifts above each type's limit. */
export const maxShiftsPerType: EmployeeConstraint = {
  id: 'max-shifts-per-type',
  name: 'Maximum shifts per type',
  level: 'hard',
  scope: 'employee',
  description: 'An employee works each shift type at most MaxShifts[type] times in the horizon (0: never).',
  penalizeRow(problem, employee, row, explain) {
    const counts = new Int32Array(problem.shiftCount);
    for (const value of row) if (value >= 0) counts[value]!++;
    const limits = problem.instance.employees[employee]!.maxShifts;
    let penalty = 0;
    counts.forEach((count, shift) => {
      const excess = count - limits[shift]!;
      if (excess > 0) {
        penalty += excess;
        explain?.push(`${problem.instance.employees[employee]!.id}: ${count} × ${problem.instance.shifts[shift]!.id}, at most ${limits[shift]}`);
      }
    });
    return penalty;
  },
};
