import type { EmployeeConstraint } from './constraint.js';

/** Rule 1. A roster holds one value per employee and day, so the rule reduces to each value being a known shift or off. */
export const oneShiftPerDay: EmployeeConstraint = {
  id: 'one-shift-per-day',
  name: 'One shift per day',
  level: 'hard',
  scope: 'employee',
  description: 'An employee works at most one shift per day.',
  penalizeRow(problem, employee, row, explain) {
    let penalty = 0;
    row.forEach((value, day) => {
      if (value < -1 || value >= problem.shiftCount) {
        penalty++;
        explain?.push(`${problem.instance.employees[employee]!.id} day ${day}: ${value} is neither one shift nor off`);
      }
    });
    return penalty;
  },
};
