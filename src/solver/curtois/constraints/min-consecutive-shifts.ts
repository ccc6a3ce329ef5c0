import { forEachRun, type EmployeeConstraint } from './constraint.js';

/**
 * Rule 6. Only a run with a day off inside the horizon on both sides is checked: this boundary
 * reading is the one that reproduces the published optima (benchmark README). Penalty: days short.
 */
export const minConsecutiveShifts: EmployeeConstraint = {
  id: 'min-consecutive-shifts',
  name: 'Minimum consecutive shifts',
  level: 'hard',
  scope: 'employee',
  description: 'A run of working days between two days off inside the horizon is at least MinConsecutiveShifts long; runs touching day 0 or the last day are not checked.',
  penalizeRow(problem, employee, row, explain) {
    const { minConsecutive, id } = problem.instance.employees[employee]!;
    let penalty = 0;
    forEachRun(row, (start, length, isWork) => {
      const isInside = start > 0 && start + length < row.length;
      if (isWork && isInside && length < minConsecutive) {
        penalty += minConsecutive - length;
        explain?.push(`${id}: works only ${length} day(s) in a row from day ${start}, at least ${minConsecutive}`);
      }
    });
    return penalty;
  },
};
