import { definePairwise, type SoftConstraint } from './constraint.js';
import { distanceOf } from './travel-radius.js';

export const travel: SoftConstraint = definePairwise({
  id: 'travel',
  name: 'Travel distance',
  level: 'soft' as const,
  term: 'travel' as const,
  weight: 1,
  description: 'Per assignment: weights.travelKm × the home-to-location distance in km.',
}, (p, shift, worker) => p.weights.travelKm * distanceOf(p, shift, worker));
