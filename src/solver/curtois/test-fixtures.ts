// Small hand-built instances and rosters for the Curtois tests: by default one employee, a horizon
// of 14 days, a day shift D and a late shift L (480 min each) where D may not follow L.
import type { CurtoisEmployee, CurtoisInstance } from './instance.js';
import { OFF, prepareProblem, type CurtoisProblem } from './problem.js';

export function buildEmployee(overrides: Partial<CurtoisEmployee> = {}): CurtoisEmployee {
  return { id: 'A', maxShifts: [14, 14], maxMinutes: 14 * 480, minMinutes: 0, maxConsecutive: 14, minConsecutive: 1, minConsecutiveOff: 1, maxWeekends: 2, daysOff: [], ...overrides };
}

/** Shift D (480 min) and L (480 min); L may not be followed by D. */
export function buildInstance(overrides: Partial<CurtoisInstance> = {}): CurtoisInstance {
  return {
    horizon: 14,
    shifts: [
      { id: 'D', minutes: 480, forbiddenNext: [] },
      { id: 'L', minutes: 480, forbiddenNext: [0] },
    ],
    employees: [buildEmployee()],
    onRequests: [],
    offRequests: [],
    cover: [],
    ...overrides,
  };
}

export function buildProblem(overrides: Partial<CurtoisInstance> = {}): CurtoisProblem {
  return prepareProblem(buildInstance(overrides));
}

/** A row from a pattern such as `DD--L` (one character per day, `-` off), padded with days off. */
export function rowFrom(problem: CurtoisProblem, pattern: string): Int16Array {
  const row = new Int16Array(problem.horizon).fill(OFF);
  for (let day = 0; day < pattern.length; day++) {
    const char = pattern.charAt(day);
    if (char !== '-') row[day] = problem.instance.shifts.findIndex((s) => s.id === char);
  }
  return row;
}
