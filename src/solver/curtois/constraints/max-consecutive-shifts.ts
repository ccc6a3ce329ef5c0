import { forEachRun, type EmployeeConstraint } from './constraint.js';

/** Rule 5. Applies to every run, also one touching either end of the horizon. Penalty: days over. */
export const maxConsecutiveShifts: EmployeeConstraint = {
  id: 'max-consecutive-shifts',
  name: 'Maximum consecutive shifts',
  level: 'hard',
  scope: 'employee',
  description: 'No run of consecutive working days is longer than MaxConsecutiveShifts.',
  penalizeRow(problem, employee, row, explain) {
    const { maxConsecutive, id } = problem.instance.employees[employee]!;
    let penalty = 0;
    forEachRun(row, (start, length, isWork) => {
      if (isWork && length > maxConsecutive) {
        penalty += length - maxConsecutive;
        explain?.push(`${id}: works ${length} days in a row from day ${start}, at most ${maxConsecutive}`);
      }
    });
    return penalty;
  },
};
