import type { EmployeeConstraint } from './constraint.js';

/** Rule 4. Penalty: minutes below the minimum or above the maximum. */
export const workingTime: EmployeeConstraint = {
  id: 'working-time',
  name: 'Working time',
  level: 'hard',
  scope: 'employee',
  description: 'The total minutes an employee works lie between MinTotalMinutes and MaxTotalMinutes.',
  penalizeRow(problem, employee, row, explain) {
    let minutes = 0;
    for (const value of row) if (value >= 0) minutes += problem.shiftMinutes[value]!;
    const { minMinutes, maxMinutes, id } = problem.instance.employees[employee]!;
    const penalty = Math.max(0, minMinutes - minutes) + Math.max(0, minutes - maxMinutes);
    if (penalty > 0) explain?.push(`${id}: works ${minutes} minutes, allowed ${minMinutes}–${maxMinutes}`);
    return penalty;
  },
};
