// The registry of Curtois rules: the nine hard rules of the benchmark and the three soft terms
// of its objective. The evaluator, the search and the documentation all read this list.
import type { CurtoisConstraint, EmployeeConstraint } from './constraint.js';
import { cover } from './cover.js';
import { daysOff } from './days-off.js';
import { maxConsecutiveShifts } from './max-consecutive-shifts.js';
import { maxShiftsPerType } from './max-shifts-per-type.js';
import { maxWeekends } from './max-weekends.js';
import { minConsecutiveDaysOff } from './min-consecutive-days-off.js';
import { minConsecutiveShifts } from './min-consecutive-shifts.js';
import { oneShiftPerDay } from './one-shift-per-day.js';
import { shiftOffRequests } from './shift-off-requests.js';
import { shiftOnRequests } from './shift-on-requests.js';
import { shiftRotation } from './shift-rotation.js';
import { workingTime } from './working-time.js';

export type { CurtoisConstraint, EmployeeConstraint, RosterConstraint } from './constraint.js';

export const curtoisConstraints: readonly CurtoisConstraint[] = [
  oneShiftPerDay,
  shiftRotation,
  maxShiftsPerType,
  workingTime,
  maxConsecutiveShifts,
  minConsecutiveShifts,
  minConsecutiveDaysOff,
  maxWeekends,
  daysOff,
  shiftOnRequests,
  shiftOffRequests,
  cover,
];

export const hardEmployeeConstraints: readonly EmployeeConstraint[] = curtoisConstraints.filter((c): c is EmployeeConstraint => c.level === 'hard' && c.scope === 'employee');

export function findConstraint(id: string): CurtoisConstraint {
  const found = curtoisConstraints.find((c) => c.id === id);
  if (!found) throw new Error(`no Curtois constraint ${id}`);
  return found;
}
