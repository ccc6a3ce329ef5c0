// "May this worker take this shift?" for the marketplace (claims, approvals, swaps, ranking), answered by the
// same hard constraint units the planning engine scores with. Inputs are plain values (ms instants, km,
// minutes) so the server can call it without building a planning problem.
import { indexAvailability, MINUTE_MS, WEEK_MS, type CompiledProblem } from './compile.js';
import { hardConstraints, type Reason } from './constraints/index.js';
import { DEFAULT_WEIGHTS } from './documents.js';
import { haversineKm } from './geo.js';
import { Plan } from './plan.js';

export type { EligibilityRule, Reason } from './constraints/index.js';

export interface TimeWindow {
  start: number;
  end: number;
}

export interface EligibilityShift extends TimeWindow {
  lat: number;
  lon: number;
  packageId: string;
  requiresRegistration: boolean;
  demand: number;
  supervisionCapacity: number;
  /** Workers already on the shift (not counting the one asked about), and how many of them are newcomers. */
  assignedCount: number;
  assignedNewcomers: number;
}

export interface EligibilityWorker {
  lat: number;
  lon: number;
  maxTravelKm: number;
  packages: readonly string[];
  /** ms, or null without a registration. */
  registrationExpires: number | null;
  isNewcomer: boolean;
  /** Absent or null: available throughout. */
  available?: readonly TimeWindow[] | null;
  unavailable?: readonly TimeWindow[];
  maxMinutesPerWeek?: number;
}

export interface EligibilityContext {
  /** Start of week 0; weeks run in 7-day steps from here, in both directions. */
  weekStart: number;
  minRestMinutes: number;
  maxMinutesPerWeek: number;
  /** The worker's other shifts (confirmed or pending), for rest, overlap and weekly hours. */
  workerShifts: readonly TimeWindow[];
}

const toFlat = (windows: readonly TimeWindow[]): Float64Array => Float64Array.from(windows.flatMap((w) => [w.start, w.end]));

/** Every hard rule that taking `shift` would break for `worker`; empty when the worker may take it. */
export function whyNot(worker: EligibilityWorker, shift: EligibilityShift, context: EligibilityContext): Reason[] {
  // Shift 0 is the one asked about, the others are the worker's own; worker 0 is the worker, the others
  // stand in for the people already on the shift.
  const windows: TimeWindow[] = [shift, ...context.workerShifts];
  const earliest = Math.min(...windows.map((w) => w.start));
  const horizonStart = context.weekStart - Math.max(0, Math.ceil((context.weekStart - earliest) / WEEK_MS)) * WEEK_MS;
  const latest = Math.max(...windows.map((w) => w.end));
  const S = windows.length;
  const W = 1 + shift.assignedCount;
  const problem: CompiledProblem = {
    id: 'eligibility',
    horizonStart,
    horizonEnd: latest,
    weekCount: Math.max(1, Math.ceil((latest - horizonStart) / WEEK_MS)),
    minRestMinutes: context.minRestMinutes,
    weights: { ...DEFAULT_WEIGHTS },
    packageIds: [shift.packageId],
    packageRequiresRegistration: Uint8Array.of(shift.requiresRegistration ? 1 : 0),
    organisationIds: ['organisation'],
    locationIds: ['location'],
    locationOrganisation: Int32Array.of(0),
    shiftIds: windows.map((_, i) => (i === 0 ? 'shift' : `own-${i}`)),
    shiftIndex: new Map(),
    shiftLocation: new Int32Array(S),
    shiftOrganisation: new Int32Array(S),
    shiftPackage: new Int32Array(S),
    shiftStart: Float64Array.from(windows.map((w) => w.start)),
    shiftEnd: Float64Array.from(windows.map((w) => w.end)),
    shiftMinutes: Float64Array.from(windows.map((w) => (w.end - w.start) / MINUTE_MS)),
    shiftWeek: Int32Array.from(windows.map((w) => Math.floor((w.start - horizonStart) / WEEK_MS))),
    shiftDemand: Int32Array.from(windows.map((_, i) => (i === 0 ? shift.demand : 1))),
    shiftPriority: new Int32Array(S).fill(1),
    shiftSupervision: Int32Array.from(windows.map((_, i) => (i === 0 ? shift.supervisionCapacity : 0))),
    workerIds: Array.from({ length: W }, (_, i) => (i === 0 ? 'worker' : `colleague-${i}`)),
    workerIndex: new Map(),
    workerMaxTravelKm: Float64Array.of(worker.maxTravelKm, ...new Array<number>(W - 1).fill(Number.POSITIVE_INFINITY)),
    workerPackages: new Uint8Array(W).fill(1, 1).fill(worker.packages.includes(shift.packageId) ? 1 : 0, 0, 1),
    workerRegistrationExpires: new Float64Array(W).fill(Number.POSITIVE_INFINITY).fill(worker.registrationExpires ?? Number.NEGATIVE_INFINITY, 0, 1),
    workerIsNewcomer: Uint8Array.from({ length: W }, (_, i) => (i === 0 ? (worker.isNewcomer ? 1 : 0) : (i <= shift.assignedNewcomers ? 1 : 0))),
    workerAvailable: Array.from({ length: W }, (_, i) => (i === 0 && worker.available ? indexAvailability(toFlat(worker.available)) : null)),
    workerUnavailable: Array.from({ length: W }, (_, i) => toFlat(i === 0 ? worker.unavailable ?? [] : [])),
    workerWeeklyCapMinutes: new Float64Array(W).fill(Number.POSITIVE_INFINITY)
      .fill(Math.min(context.maxMinutesPerWeek, worker.maxMinutesPerWeek ?? Number.POSITIVE_INFINITY), 0, 1),
    workerDesiredMinutes: new Float64Array(W).fill(Number.NaN),
    workerMinShifts: new Int32Array(W),
    workerPreferred: new Uint8Array(W),
    workerHasPreferences: new Uint8Array(W),
    workerHourlyCost: new Float64Array(W),
    distanceKm: Float64Array.of(haversineKm(worker.lat, worker.lon, shift.lat, shift.lon), ...new Array<number>(W - 1).fill(0)),
    pinned: [],
  };
  const plan = new Plan(problem);
  for (let s = 1; s < S; s++) plan.add(s, 0);
  for (let w = 1; w < W; w++) plan.add(0, w);
  const reasons: Reason[] = [];
  for (const c of hardConstraints) {
    const reason = c.whyNot(plan, 0, 0);
    if (reason) reasons.push(reason);
  }
  return reasons;
}

/** True when no hard rule stands in the way. */
export function canTake(worker: EligibilityWorker, shift: EligibilityShift, context: EligibilityContext): boolean {
  return whyNot(worker, shift, context).length === 0;
}
