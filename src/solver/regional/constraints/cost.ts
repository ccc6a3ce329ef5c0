import { definePairwise, type SoftConstraint } from './constraint.js';

export const cost: SoftConstraint = definePairwise({
  id: 'cost',
  name: 'Labour cost',
  level: 'soft' as const,
  term: 'cost' as const,
  weight: 1,
  description: 'Per assignment: weights.cost × the worker\'s hourlyCost × the shift\'s hours.',
}, (p, shift, worker) => p.weights.cost * p.workerHourlyCost[worker]! * p.shiftMinutes[shift]! / 60);
