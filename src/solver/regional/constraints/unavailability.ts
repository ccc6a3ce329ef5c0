import type { CompiledProblem } from '../compile.js';
import { MINUTE_MS } from '../compile.js';
import { definePairwise, withReason, type HardConstraint } from './constraint.js';

function overlapMinutes(p: CompiledProblem, shift: number, worker: number): number {
  const windows = p.workerUnavailable[worker]!;
  const start = p.shiftStart[shift]!;
  const end = p.shiftEnd[shift]!;
  let minutes = 0;
  for (let k = 0; k < windows.length; k += 2) {
    const from = Math.max(start, windows[k]!);
    const to = Math.min(end, windows[k + 1]!);
    if (from < to) minutes += (to - from) / MINUTE_MS;
  }
  return minutes;
}

/** H5, second half: no work during an unavailability window. */
export const unavailability: HardConstraint = withReason(definePairwise({
  id: 'unavailability',
  name: 'Not during unavailability',
  level: 'hard' as const,
  specRule: 'H5',
  rule: 'unavailable' as const,
  weight: 1,
  description: 'The shift overlaps none of the worker\'s unavailability windows. Penalty: minutes of overlap.',
}, overlapMinutes),
(plan, shift, worker) => ({ overlapMinutes: overlapMinutes(plan.problem, shift, worker) }));
