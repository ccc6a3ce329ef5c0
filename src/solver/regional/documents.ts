// The documents of ../../../../shared/spec/planning-problem.md (format v1), plus the backward-compatible
// `pinned` extension described in docs/planning.md. These are the JSON shapes; the engine works on the
// compiled, index-based form in ./compile.ts.

export const PROBLEM_FORMAT = 'harmonica.planning-problem/1';
export const SOLUTION_FORMAT = 'harmonica.solution/1';

export interface Interval {
  start: string;
  end: string;
}

export interface Weights {
  uncovered: number;
  travelKm: number;
  unpreferred: number;
  overDesired: number;
  underMinimum: number;
  cost: number;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  uncovered: 1000, travelKm: 1, unpreferred: 20, overDesired: 2, underMinimum: 200, cost: 1,
});

export const DEFAULT_RULES = Object.freeze({ minRestMinutes: 660, maxMinutesPerWeek: 3600 });

export interface ProblemDocument {
  format: typeof PROBLEM_FORMAT;
  id: string;
  horizonStart: string;
  horizonEnd: string;
  rules?: { minRestMinutes?: number; maxMinutesPerWeek?: number };
  weights?: Partial<Weights>;
  packages: Array<{ id: string; name?: string; requiresRegistration?: boolean }>;
  organisations: Array<{ id: string; name?: string }>;
  locations: Array<{ id: string; organisationId: string; lat: number; lon: number }>;
  shifts: Array<{
    id: string;
    locationId: string;
    packageId: string;
    start: string;
    end: string;
    demand: number;
    priority?: number;
    supervisionCapacity?: number;
  }>;
  workers: Array<{
    id: string;
    lat: number;
    lon: number;
    maxTravelKm: number;
    packages: string[];
    registrationExpires?: string | null;
    newcomer?: boolean;
    available?: Interval[];
    unavailable?: Interval[];
    maxMinutesPerWeek?: number;
    desiredMinutes?: number;
    minShifts?: number;
    preferredOrganisations?: string[];
    hourlyCost?: number;
  }>;
  /** Extension: confirmed assignments that re-planning keeps as they are. */
  pinned?: AssignmentRef[];
}

export interface AssignmentRef {
  shiftId: string;
  workerId: string;
}

export interface ScoreBreakdown {
  uncovered: number;
  travel: number;
  unpreferred: number;
  overDesired: number;
  underMinimum: number;
  cost: number;
  total: number;
}

export interface SolutionDocument {
  format: typeof SOLUTION_FORMAT;
  problemId: string;
  assignments: AssignmentRef[];
  /** Optional: the score per term, as the engine computed it. */
  score?: ScoreBreakdown;
  /** Optional: why each assignment costs what it costs and why each open place stayed open. */
  explanation?: unknown;
}
