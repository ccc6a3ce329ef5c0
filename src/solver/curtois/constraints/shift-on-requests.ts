import type { CurtoisProblem } from '../problem.js';
import type { EmployeeConstraint } from './constraint.js';

/** Objective cost of giving `employee` the value `value` (shift index or OFF) on `day`, as far as on-requests go. */
export function onRequestCost(problem: CurtoisProblem, employee: number, day: number, value: number): number {
  const cell = employee * problem.horizon + day;
  const shift = problem.onRequestShift[cell]!;
  return shift >= 0 && shift !== value ? problem.onRequestWeight[cell]! : 0;
}

export const shiftOnRequests: EmployeeConstraint = {
  id: 'shift-on-requests',
  name: 'Shift-on requests',
  level: 'soft',
  scope: 'employee',
  description: 'An employee who asks to work a shift on a day costs the request weight if not given exactly that shift.',
  penalizeRow(problem, employee, row, explain) {
    let penalty = 0;
    row.forEach((value, day) => {
      const cost = onRequestCost(problem, employee, day, value);
      if (cost > 0) {
        penalty += cost;
        explain?.push(`${problem.instance.employees[employee]!.id} day ${day}: asked for ${problem.instance.shifts[problem.onRequestShift[employee * problem.horizon + day]!]!.id} (${cost})`);
      }
    });
    return penalty;
  },
};
