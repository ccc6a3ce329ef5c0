import type { EmployeeConstraint } from './constraint.js';

/** Rule 9. Penalty: days off that are worked. */
export const daysOff: EmployeeConstraint = {
  id: 'days-off',
  name: 'Days off',
  level: 'hard',
  scope: 'employee',
  description: 'An employee works no shift on the days listed in SECTION_DAYS_OFF.',
  penalizeRow(problem, employee, row, explain) {
    const base = employee * problem.horizon;
    let penalty = 0;
    row.forEach((value, day) => {
      if (value >= 0 && problem.isDayOff[base + day] === 1) {
        penalty++;
        explain?.push(`${problem.instance.employees[employee]!.id}: works on day off ${day}`);
      }
    });
    return penalty;
  },
};
