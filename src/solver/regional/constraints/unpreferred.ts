import { definePairwise, type SoftConstraint } from './constraint.js';

export const unpreferred: SoftConstraint = definePairwise({
  id: 'unpreferred',
  name: 'Unpreferred organisation',
  level: 'soft' as const,
  term: 'unpreferred' as const,
  weight: 20,
  description: 'Per assignment at an organisation outside the worker\'s non-empty preferredOrganisations: weights.unpreferred.',
}, (p, shift, worker) => (
  p.workerHasPreferences[worker] === 1 && p.workerPreferred[worker * p.organisationIds.length + p.shiftOrganisation[shift]!] !== 1
    ? p.weights.unpreferred : 0));
