import type { CurtoisProblem } from '../problem.js';
import type { EmployeeConstraint } from './constraint.js';

/** Objective cost of giving `employee` the value `value` on `day`, as far as off-requests go. */
export function offRequestCost(problem: CurtoisProblem, employee: number, day: number, value: number): number {
  const cell = employee * problem.horizon + day;
  return value >= 0 && problem.offRequestShift[cell] === value ? problem.offRequestWeight[cell]! : 0;
}

export const shiftOffRequests: EmployeeConstraint = {
  id: 'shift-off-requests',
  name: 'Shift-off requests',
  level: 'soft',
  scope: 'employee',
  description: 'An employee who asks not to work a shift on a day costs the request weight if given that shift.',
  penalizeRow(problem, employee, row, explain) {
    let penalty = 0;
    row.forEach((value, day) => {
      const cost = offRequestCost(problem, employee, day, value);
      if (cost > 0) {
        penalty += cost;
        explain?.push(`${problem.instance.employees[employee]!.id} day ${day}: asked not to work ${problem.instance.shifts[value]!.id} (${cost})`);
      }
    });
    return penalty;
  },
};
