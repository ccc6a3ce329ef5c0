import type { CompiledProblem } from '../compile.js';
import { definePairwise, withReason, type HardConstraint } from './constraint.js';

export function distanceOf(p: CompiledProblem, shift: number, worker: number): number {
  return p.distanceKm[worker * p.locationIds.length + p.shiftLocation[shift]!]!;
}

/** H6: the location lies within the worker's travel radius. */
export const travelRadius: HardConstraint = withReason(definePairwise({
  id: 'travel-radius',
  name: 'Within travel radius',
  level: 'hard' as const,
  specRule: 'H6',
  rule: 'travel' as const,
  weight: 1,
  description: 'The distance from home to the shift\'s location is at most the worker\'s maxTravelKm. Penalty: km beyond the radius.',
}, (p, shift, worker) => Math.max(0, distanceOf(p, shift, worker) - p.workerMaxTravelKm[worker]!)),
(plan, shift, worker) => ({ distanceKm: distanceOf(plan.problem, shift, worker), maxTravelKm: plan.problem.workerMaxTravelKm[worker]! }));
