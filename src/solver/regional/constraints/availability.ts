import type { CompiledProblem } from '../compile.js';
import { definePairwise, withReason, type HardConstraint } from './constraint.js';

function isInsideWindow(p: CompiledProblem, shift: number, worker: number): boolean {
  const windows = p.workerAvailable[worker];
  if (!windows) return true;
  const start = p.shiftStart[shift]!;
  // Last window starting at or before the shift (see indexAvailability).
  let lo = 0;
  let hi = windows.length / 2 - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (windows[2 * mid]! <= start) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return at >= 0 && windows[2 * at + 1]! >= p.shiftEnd[shift]!;
}

/** H5, first half: a worker who lists availability windows works only inside one of them. */
export const availability: HardConstraint = withReason(definePairwise({
  id: 'availability',
  name: 'Inside an availability window',
  level: 'hard' as const,
  specRule: 'H5',
  rule: 'availability' as const,
  weight: 1,
  description: 'If the worker lists availability windows, the shift lies entirely inside one. Penalty: one per assignment outside.',
}, (p, shift, worker) => (isInsideWindow(p, shift, worker) ? 0 : 1)),
(plan, shift) => ({ shiftStart: plan.problem.shiftStart[shift]!, shiftEnd: plan.problem.shiftEnd[shift]! }));
