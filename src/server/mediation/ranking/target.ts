import type { TRegionRules } from '../../../shared/regions.schemas.js';
import type { ShiftFacts } from '../../assignments/eligibility.js';

/**
 * What is being staffed. A shift is checked against every hard rule; a request (a need over a
 * period) only against the rules about the person (package, registration, travel): rest, hours
 * and availability apply when its shifts are planned.
 */
export type RankingTarget = {
  kind: 'shift' | 'request';
  facts: ShiftFacts;
  /** All packages the target asks for; the first is the one a worker must hold. */
  packageIds: string[];
  regionId: string;
  rules: TRegionRules;
  timeZone: string;
  /** A request's competences: required ones rule others out, wished ones score. A shift has none. */
  competences?: TargetCompetences;
};

/** A competence named by the target: the catalogue row's id and its key (for the reasons). */
export type TargetCompetence = { id: string; key: string };
export type TargetCompetences = { required: TargetCompetence[]; wished: TargetCompetence[] };
export const NO_COMPETENCES: TargetCompetences = { required: [], wished: [] };
