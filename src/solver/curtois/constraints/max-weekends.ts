import type { EmployeeConstraint } from './constraint.js';

/** Rule 8. Weekend w is days 7w+5 (Saturday) and 7w+6 (Sunday); day 0 is a Monday. Penalty: weekends over. */
export const maxWeekends: EmployeeConstraint = {
  id: 'max-weekends',
  name: 'Maximum weekends',
  level: 'hard',
  scope: 'employee',
  description: 'An employee works (Saturday, Sunday or both) on at most MaxWeekends weekends.',
  penalizeRow(problem, employee, row, explain) {
    let worked = 0;
    for (let saturday = 5; saturday < row.length; saturday += 7) {
      if (row[saturday]! >= 0 || (row[saturday + 1] ?? -1) >= 0) worked++;
    }
    const { maxWeekends: limit, id } = problem.instance.employees[employee]!;
    if (worked > limit) explain?.push(`${id}: works ${worked} weekends, at most ${limit}`);
    return Math.max(0, worked - limit);
  },
};
