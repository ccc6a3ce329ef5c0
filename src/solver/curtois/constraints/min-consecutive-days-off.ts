import { forEachRun, type EmployeeConstraint } from './constraint.js';

/**
 * Rule 7. Only a run of days off with a working day inside the horizon on both sides is checked
 * (the boundary reading that reproduces the published optima). Penalty: days short.
 */
export const minConsecutiveDaysOff: EmployeeConstraint = {
  id: 'min-consecutive-days-off',
  name: 'Minimum consecutive days off',
  level: 'hard',
  scope: 'employee',
  description: 'A run of days off between two working days inside the horizon is at least MinConsecutiveDaysOff long; runs touching either end are not checked.',
  penalizeRow(problem, employee, row, explain) {
    const { minConsecutiveOff, id } = problem.instance.employees[employee]!;
    let penalty = 0;
    forEachRun(row, (start, length, isWork) => {
      const isInside = start > 0 && start + length < row.length;
      if (!isWork && isInside && length < minConsecutiveOff) {
        penalty += minConsecutiveOff - length;
        explain?.push(`${id}: only ${length} day(s) off in a row from day ${start}, at least ${minConsecutiveOff}`);
      }
    });
    return penalty;
  },
};
