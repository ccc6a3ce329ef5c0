import { MINUTE_MS } from '../compile.js';
import type { Plan } from '../plan.js';
import { withReason, type HardConstraint } from './constraint.js';

/** Minutes short of the minimum rest between two consecutive shifts of one worker (overlaps count fully). */
function shortfall(plan: Plan, before: number, after: number): number {
  const p = plan.problem;
  const gap = (p.shiftStart[after]! - p.shiftEnd[before]!) / MINUTE_MS;
  return Math.max(0, p.minRestMinutes - gap);
}

function neighbours(plan: Plan, shift: number, worker: number, isOnPlan: boolean): [number, number] {
  const list = plan.workerShifts[worker]!;
  const at = plan.positionOf(worker, shift);
  return [at > 0 ? list[at - 1]! : -1, isOnPlan ? (list[at + 1] ?? -1) : (list[at] ?? -1)];
}

function delta(plan: Plan, shift: number, worker: number, isOnPlan: boolean): number {
  const [prev, next] = neighbours(plan, shift, worker, isOnPlan);
  let d = 0;
  if (prev >= 0) d += shortfall(plan, prev, shift);
  if (next >= 0) d += shortfall(plan, shift, next);
  if (prev >= 0 && next >= 0) d -= shortfall(plan, prev, next);
  return isOnPlan ? -d : d;
}

/** The first shift already on the worker's plan that the new one would come too close to. */
function conflictOf(plan: Plan, shift: number, worker: number): number {
  const [prev, next] = neighbours(plan, shift, worker, false);
  if (prev >= 0 && shortfall(plan, prev, shift) > 0) return prev;
  return next;
}

/** H7: enough rest between consecutive shifts of a worker; this also rules out overlapping shifts. */
export const rest: HardConstraint = withReason({
  id: 'rest',
  name: 'Minimum rest',
  level: 'hard',
  specRule: 'H7',
  rule: 'rest',
  weight: 1,
  description: 'Between the end of one shift and the start of the next of the same worker lie at least rules.minRestMinutes. Penalty: minutes short.',
  isPairwise: false,
  evaluate: (plan) => {
    let total = 0;
    for (const list of plan.workerShifts) {
      for (let k = 1; k < list.length; k++) total += shortfall(plan, list[k - 1]!, list[k]!);
    }
    return total;
  },
  deltaAssign: (plan, shift, worker) => delta(plan, shift, worker, false),
  deltaUnassign: (plan, shift, worker) => delta(plan, shift, worker, true),
}, (plan, shift, worker) => {
  const other = conflictOf(plan, shift, worker);
  const p = plan.problem;
  const [a, b] = plan.isBefore(other, shift) ? [other, shift] : [shift, other];
  return { otherShiftId: p.shiftIds[other]!, restMinutes: (p.shiftStart[b]! - p.shiftEnd[a]!) / MINUTE_MS, minRestMinutes: p.minRestMinutes };
}, (plan, shift, worker) => {
  const other = conflictOf(plan, shift, worker);
  const p = plan.problem;
  return p.shiftStart[shift]! < p.shiftEnd[other]! && p.shiftStart[other]! < p.shiftEnd[shift]! ? 'overlap' : 'rest';
});
