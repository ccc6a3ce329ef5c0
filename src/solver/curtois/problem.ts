// Dense lookup tables over a parsed instance, built once, so constraints, the evaluator and the
// search read requests, cover and forbidden successions by index instead of scanning lists.
import type { CurtoisInstance } from './instance.js';

/** A roster: employee-major, `roster[e * horizon + d]` is the shift index or OFF. */
export type Roster = Int16Array;
export const OFF = -1;

export interface CurtoisProblem {
  instance: CurtoisInstance;
  horizon: number;
  shiftCount: number;
  employeeCount: number;
  shiftMinutes: Int32Array;
  /** `forbidden[s * shiftCount + t]` is 1 when t may not follow s on the next day. */
  forbidden: Uint8Array;
  /** Per (employee, day): requested shift or OFF, and its weight. */
  onRequestShift: Int16Array;
  onRequestWeight: Int32Array;
  offRequestShift: Int16Array;
  offRequestWeight: Int32Array;
  /** Per (employee, day): 1 on a fixed day off. */
  isDayOff: Uint8Array;
  /** Per (day, shift). */
  requirement: Int32Array;
  weightUnder: Int32Array;
  weightOver: Int32Array;
}

export function prepareProblem(instance: CurtoisInstance): CurtoisProblem {
  const horizon = instance.horizon;
  const shiftCount = instance.shifts.length;
  const employeeCount = instance.employees.length;
  const cells = employeeCount * horizon;
  const forbidden = new Uint8Array(shiftCount * shiftCount);
  instance.shifts.forEach((shift, s) => shift.forbiddenNext.forEach((t) => (forbidden[s * shiftCount + t] = 1)));
  const onRequestShift = new Int16Array(cells).fill(OFF);
  const onRequestWeight = new Int32Array(cells);
  const offRequestShift = new Int16Array(cells).fill(OFF);
  const offRequestWeight = new Int32Array(cells);
  // The format allows at most one request per (employee, day); a later duplicate would overwrite.
  for (const r of instance.onRequests) {
    onRequestShift[r.employee * horizon + r.day] = r.shift;
    onRequestWeight[r.employee * horizon + r.day] = r.weight;
  }
  for (const r of instance.offRequests) {
    offRequestShift[r.employee * horizon + r.day] = r.shift;
    offRequestWeight[r.employee * horizon + r.day] = r.weight;
  }
  const isDayOff = new Uint8Array(cells);
  instance.employees.forEach((employee, e) => employee.daysOff.forEach((day) => (isDayOff[e * horizon + day] = 1)));
  const requirement = new Int32Array(horizon * shiftCount);
  const weightUnder = new Int32Array(horizon * shiftCount);
  const weightOver = new Int32Array(horizon * shiftCount);
  for (const c of instance.cover) {
    requirement[c.day * shiftCount + c.shift] = c.requirement;
    weightUnder[c.day * shiftCount + c.shift] = c.weightUnder;
    weightOver[c.day * shiftCount + c.shift] = c.weightOver;
  }
  return {
    instance,
    horizon,
    shiftCount,
    employeeCount,
    shiftMinutes: Int32Array.from(instance.shifts.map((s) => s.minutes)),
    forbidden,
    onRequestShift,
    onRequestWeight,
    offRequestShift,
    offRequestWeight,
    isDayOff,
    requirement,
    weightUnder,
    weightOver,
  };
}

export function createEmptyRoster(problem: CurtoisProblem): Roster {
  return new Int16Array(problem.employeeCount * problem.horizon).fill(OFF);
}

/** One employee's row as a view into the roster (no copy). */
export function rowOf(problem: CurtoisProblem, roster: Roster, employee: number): Int16Array {
  return roster.subarray(employee * problem.horizon, (employee + 1) * problem.horizon);
}
