// The hard rules that depend on the worker and the shift alone (package, registration, availability,
// unavailability, travel radius: the constraints with a pairPenalty), asked of the open-shift
// window's columns directly, before any planning problem with those shifts is built. The rules are
// the constraints' own pairPenalty functions (src/solver/regional/constraints), on a planning problem
// compiled with the worker and the window's packages, organisations and locations; the shift
// attributes those functions read come from the window's columns, whose package, organisation and
// location indices are the problem's (both list them in the window's order).
import type { TRegionRules } from '../../shared/regions.schemas.js';
import { compileOrThrow, type CompiledProblem } from '../../solver/regional/compile.js';
import { hardConstraints } from '../../solver/regional/constraints/index.js';
import { PROBLEM_FORMAT, type ProblemDocument } from '../../solver/regional/documents.js';
import type { WorkerFacts } from '../planning/worker-facts.js';
import { factsHorizon } from './eligibility.js';
import type { OpenShiftColumns } from './open-shift-index.js';
import type { OpenShiftEntry } from './assignments.repo.js';
import { workerEntry } from './weekly-windows.js';

const pairwise = hardConstraints.filter((c) => c.isPairwise && c.pairPenalty);

/**
 * For each of `indices` (window entries), 0 when the shift breaks one of the pairwise hard rules for
 * this worker, else 1. A shift with 0 would be refused by evaluateEligibility too, so a caller that
 * lists only eligible shifts may leave it out; those with 1 must still go through evaluateEligibility.
 * Conservative where a rule's answer could depend on the check's weeks: availability is not asked
 * for a worker without weekly windows (whether their dated windows apply depends on the weeks), and a
 * rule that reads something the window does not give (NaN) passes.
 */
export function pairwisePasses(
  worker: WorkerFacts,
  window: { entries: readonly OpenShiftEntry[]; columns: OpenShiftColumns },
  indices: readonly number[],
  rules: TRegionRules,
  timeZone: string,
): Uint8Array {
  const passes = new Uint8Array(indices.length);
  if (indices.length === 0) return passes;
  const { columns } = window;
  // Weeks holding the shifts asked about: the worker's windows are listed over them.
  const weeks = factsHorizon(indices.map((i) => window.entries[i]!), rules, timeZone);
  const horizon = { from: weeks.start.toJSDate(), to: weeks.end.toJSDate(), timeZone };
  const { regionId: _r, kind: _k, minDaysPerYear: _m, available, ...entry } = workerEntry(worker, horizon, {
    packageIds: new Set(columns.packageIds),
    organisationIds: new Set(columns.organisationIds),
  });
  const doc: ProblemDocument = {
    format: PROBLEM_FORMAT,
    id: `pairwise-${worker.id}`,
    horizonStart: horizon.from.toISOString(),
    horizonEnd: horizon.to.toISOString(),
    rules: { minRestMinutes: rules.minRestMinutes, maxMinutesPerWeek: rules.maxMinutesPerWeek },
    packages: columns.packageIds.map((id, p) => ({ id, requiresRegistration: columns.packageRequiresRegistration[p] === 1 })),
    organisations: columns.organisationIds.map((id) => ({ id })),
    locations: columns.locationIds.map((id, l) => ({
      id,
      organisationId: columns.organisationIds[columns.locationOrganisation[l]!]!,
      lat: columns.locationLat[l]!,
      lon: columns.locationLon[l]!,
    })),
    shifts: [],
    workers: [worker.weekly.length && available ? { ...entry, available } : entry],
  };
  const compiled = compileOrThrow(doc);
  const problem: CompiledProblem = {
    ...compiled,
    shiftStart: columns.startMs,
    shiftEnd: columns.endMs,
    shiftPackage: columns.package,
    shiftLocation: columns.location,
    shiftOrganisation: columns.organisation,
  };
  indices.forEach((i, k) => {
    passes[k] = pairwise.some((c) => c.pairPenalty!(problem, i, 0) > 0) ? 0 : 1;
  });
  return passes;
}
