import {
  DEFAULT_RULES, DEFAULT_WEIGHTS, PROBLEM_FORMAT, type ProblemDocument, type Weights,
} from './documents.js';
import { haversineKm } from './geo.js';

export const MINUTE_MS = 60_000;
export const WEEK_MS = 7 * 86_400_000;

/**
 * A problem in index form: every entity is a number, every attribute a typed array, so the search reads
 * flat memory. Instants are ms since the epoch (UTC); durations are minutes.
 */
export interface CompiledProblem {
  id: string;
  horizonStart: number;
  horizonEnd: number;
  weekCount: number;
  minRestMinutes: number;
  weights: Weights;
  packageIds: string[];
  packageRequiresRegistration: Uint8Array;
  organisationIds: string[];
  locationIds: string[];
  locationOrganisation: Int32Array;
  shiftIds: string[];
  shiftIndex: Map<string, number>;
  shiftLocation: Int32Array;
  shiftOrganisation: Int32Array;
  shiftPackage: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  shiftMinutes: Float64Array;
  shiftWeek: Int32Array;
  shiftDemand: Int32Array;
  shiftPriority: Int32Array;
  shiftSupervision: Int32Array;
  workerIds: string[];
  workerIndex: Map<string, number>;
  workerMaxTravelKm: Float64Array;
  /** workers × packages, 1 when the worker holds the package. */
  workerPackages: Uint8Array;
  /** ms; -Infinity without a registration. */
  workerRegistrationExpires: Float64Array;
  workerIsNewcomer: Uint8Array;
  /** Per worker, availability windows indexed by indexAvailability, or null: available the whole horizon. */
  workerAvailable: Array<Float64Array | null>;
  workerUnavailable: Float64Array[];
  workerWeeklyCapMinutes: Float64Array;
  /** NaN when the worker states no desired minutes. */
  workerDesiredMinutes: Float64Array;
  workerMinShifts: Int32Array;
  /** workers × organisations, 1 when preferred; only meaningful where workerHasPreferences is 1. */
  workerPreferred: Uint8Array;
  workerHasPreferences: Uint8Array;
  workerHourlyCost: Float64Array;
  /** workers × locations, km. */
  distanceKm: Float64Array;
  pinned: Array<{ shift: number; worker: number }>;
}

export interface ProblemIssue {
  path: string;
  message: string;
}

export type CompileResult = { ok: true; problem: CompiledProblem } | { ok: false; issues: ProblemIssue[] };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a problem document against format v1 and compiles it. Any issue rejects the whole document;
 * every issue names its path (`shifts[12].end: must be after start`).
 */
export function compileProblem(input: unknown): CompileResult {
  const issues: ProblemIssue[] = [];
  // Top-level fields are read with an empty parent path; their issue names the field alone.
  const fail = (path: string, message: string): void => { issues.push({ path: path.replace(/^\./, ''), message }); };

  const readTime = (obj: Json, key: string, path: string, isOptional = false): number => {
    const v = obj[key];
    if (v === undefined && isOptional) return Number.NaN;
    if (typeof v !== 'string' || !ISO_WITH_OFFSET.test(v) || Number.isNaN(Date.parse(v))) {
      fail(`${path}.${key}`, 'must be an ISO 8601 time with an offset');
      return Number.NaN;
    }
    return Date.parse(v);
  };
  const readNumber = (obj: Json, key: string, path: string, opts: { min?: number; max?: number; isInteger?: boolean; fallback?: number } = {}): number => {
    const v = obj[key];
    if (v === undefined && opts.fallback !== undefined) return opts.fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) { fail(`${path}.${key}`, 'must be a number'); return opts.fallback ?? 0; }
    if (opts.isInteger === true && !Number.isInteger(v)) fail(`${path}.${key}`, 'must be an integer');
    if (opts.min !== undefined && v < opts.min) fail(`${path}.${key}`, `must be >= ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) fail(`${path}.${key}`, `must be <= ${opts.max}`);
    return v;
  };
  const readList = (obj: Json, key: string, path: string, isOptional = false): unknown[] => {
    const v = obj[key];
    if (v === undefined && isOptional) return [];
    if (!Array.isArray(v)) { fail(`${path}${path === '' ? '' : '.'}${key}`, 'must be an array'); return []; }
    return v;
  };
  const readIds = (list: unknown[], key: string): Map<string, number> => {
    const ids = new Map<string, number>();
    list.forEach((item, i) => {
      const path = `${key}[${i}]`;
      if (!isObject(item)) { fail(path, 'must be an object'); return; }
      const id = item.id;
      if (typeof id !== 'string' || id === '') { fail(`${path}.id`, 'must be a non-empty string'); return; }
      if (ids.has(id)) fail(`${path}.id`, `duplicate id ${id}`);
      else ids.set(id, i);
    });
    return ids;
  };

  if (!isObject(input)) return { ok: false, issues: [{ path: '', message: 'must be a JSON object' }] };
  const doc = input;
  if (doc.format !== PROBLEM_FORMAT) fail('format', `must be "${PROBLEM_FORMAT}"`);
  if (typeof doc.id !== 'string' || doc.id === '') fail('id', 'must be a non-empty string');
  const horizonStart = readTime(doc, 'horizonStart', '');
  const horizonEnd = readTime(doc, 'horizonEnd', '');
  if (horizonEnd <= horizonStart) fail('horizonEnd', 'must be after horizonStart');

  const rulesIn = doc.rules ?? {};
  if (!isObject(rulesIn)) fail('rules', 'must be an object');
  const rules = isObject(rulesIn) ? rulesIn : {};
  const minRestMinutes = readNumber(rules, 'minRestMinutes', 'rules', { min: 0, fallback: DEFAULT_RULES.minRestMinutes });
  const maxMinutesPerWeek = readNumber(rules, 'maxMinutesPerWeek', 'rules', { min: 0, fallback: DEFAULT_RULES.maxMinutesPerWeek });
  const weightsIn = doc.weights ?? {};
  if (!isObject(weightsIn)) fail('weights', 'must be an object');
  const weights = { ...DEFAULT_WEIGHTS };
  for (const key of Object.keys(DEFAULT_WEIGHTS) as Array<keyof Weights>) {
    weights[key] = readNumber(isObject(weightsIn) ? weightsIn : {}, key, 'weights', { min: 0, fallback: DEFAULT_WEIGHTS[key] });
  }

  const packages = readList(doc, 'packages', '');
  const organisations = readList(doc, 'organisations', '');
  const locations = readList(doc, 'locations', '');
  const shifts = readList(doc, 'shifts', '');
  const workers = readList(doc, 'workers', '');
  const packageIndex = readIds(packages, 'packages');
  const organisationIndex = readIds(organisations, 'organisations');
  const locationIndex = readIds(locations, 'locations');
  const shiftIndex = readIds(shifts, 'shifts');
  const workerIndex = readIds(workers, 'workers');
  const P = packages.length;
  const O = organisations.length;
  const L = locations.length;
  const S = shifts.length;
  const W = workers.length;

  const packageRequiresRegistration = new Uint8Array(P);
  packages.forEach((p, i) => {
    if (!isObject(p)) return;
    if (p.requiresRegistration !== undefined && typeof p.requiresRegistration !== 'boolean') fail(`packages[${i}].requiresRegistration`, 'must be a boolean');
    packageRequiresRegistration[i] = p.requiresRegistration === true ? 1 : 0;
  });

  const locationOrganisation = new Int32Array(L);
  const locationLat = new Float64Array(L);
  const locationLon = new Float64Array(L);
  locations.forEach((l, i) => {
    if (!isObject(l)) return;
    const path = `locations[${i}]`;
    const org = organisationIndex.get(l.organisationId as string);
    if (org === undefined) fail(`${path}.organisationId`, `unknown organisation ${String(l.organisationId)}`);
    locationOrganisation[i] = org ?? 0;
    locationLat[i] = readNumber(l, 'lat', path, { min: -90, max: 90 });
    locationLon[i] = readNumber(l, 'lon', path, { min: -180, max: 180 });
  });

  const shiftLocation = new Int32Array(S);
  const shiftOrganisation = new Int32Array(S);
  const shiftPackage = new Int32Array(S);
  const shiftStart = new Float64Array(S);
  const shiftEnd = new Float64Array(S);
  const shiftMinutes = new Float64Array(S);
  const shiftWeek = new Int32Array(S);
  const shiftDemand = new Int32Array(S);
  const shiftPriority = new Int32Array(S);
  const shiftSupervision = new Int32Array(S);
  shifts.forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `shifts[${i}]`;
    const loc = locationIndex.get(s.locationId as string);
    if (loc === undefined) fail(`${path}.locationId`, `unknown location ${String(s.locationId)}`);
    const pkg = packageIndex.get(s.packageId as string);
    if (pkg === undefined) fail(`${path}.packageId`, `unknown package ${String(s.packageId)}`);
    shiftLocation[i] = loc ?? 0;
    shiftOrganisation[i] = locationOrganisation[loc ?? 0] ?? 0;
    shiftPackage[i] = pkg ?? 0;
    const start = readTime(s, 'start', path);
    const end = readTime(s, 'end', path);
    if (end <= start) fail(`${path}.end`, 'must be after start');
    else if (start < horizonStart || end > horizonEnd) fail(path, 'must lie inside the horizon');
    shiftStart[i] = start;
    shiftEnd[i] = end;
    shiftMinutes[i] = (end - start) / MINUTE_MS;
    shiftWeek[i] = Math.floor((start - horizonStart) / WEEK_MS);
    shiftDemand[i] = readNumber(s, 'demand', path, { min: 1, isInteger: true });
    shiftPriority[i] = readNumber(s, 'priority', path, { min: 1, max: 5, isInteger: true, fallback: 1 });
    shiftSupervision[i] = readNumber(s, 'supervisionCapacity', path, { min: 0, isInteger: true, fallback: 0 });
  });

  const readIntervals = (w: Json, key: string, path: string): Float64Array | null => {
    if (w[key] === undefined) return null;
    const list = readList(w, key, path);
    const flat = new Float64Array(list.length * 2);
    list.forEach((win, k) => {
      const winPath = `${path}.${key}[${k}]`;
      if (!isObject(win)) { fail(winPath, 'must be an object'); return; }
      const start = readTime(win, 'start', winPath);
      const end = readTime(win, 'end', winPath);
      if (end <= start) fail(`${winPath}.end`, 'must be after start');
      flat[2 * k] = start;
      flat[2 * k + 1] = end;
    });
    return flat;
  };

  const workerMaxTravelKm = new Float64Array(W);
  const workerPackages = new Uint8Array(W * P);
  const workerRegistrationExpires = new Float64Array(W);
  const workerIsNewcomer = new Uint8Array(W);
  const workerAvailable: Array<Float64Array | null> = [];
  const workerUnavailable: Float64Array[] = [];
  const workerWeeklyCapMinutes = new Float64Array(W);
  const workerDesiredMinutes = new Float64Array(W);
  const workerMinShifts = new Int32Array(W);
  const workerPreferred = new Uint8Array(W * O);
  const workerHasPreferences = new Uint8Array(W);
  const workerHourlyCost = new Float64Array(W);
  const distanceKm = new Float64Array(W * L);
  workers.forEach((w, i) => {
    workerAvailable.push(null);
    workerUnavailable.push(new Float64Array(0));
    if (!isObject(w)) return;
    const path = `workers[${i}]`;
    const lat = readNumber(w, 'lat', path, { min: -90, max: 90 });
    const lon = readNumber(w, 'lon', path, { min: -180, max: 180 });
    for (let l = 0; l < L; l++) distanceKm[i * L + l] = haversineKm(lat, lon, locationLat[l]!, locationLon[l]!);
    workerMaxTravelKm[i] = readNumber(w, 'maxTravelKm', path, { min: 0 });
    readList(w, 'packages', path).forEach((id, k) => {
      const pkg = packageIndex.get(id as string);
      if (pkg === undefined) fail(`${path}.packages[${k}]`, `unknown package ${String(id)}`);
      else workerPackages[i * P + pkg] = 1;
    });
    workerRegistrationExpires[i] = w.registrationExpires === null || w.registrationExpires === undefined
      ? Number.NEGATIVE_INFINITY : readTime(w, 'registrationExpires', path);
    if (w.newcomer !== undefined && typeof w.newcomer !== 'boolean') fail(`${path}.newcomer`, 'must be a boolean');
    workerIsNewcomer[i] = w.newcomer === true ? 1 : 0;
    const available = readIntervals(w, 'available', path);
    workerAvailable[i] = available && indexAvailability(available);
    workerUnavailable[i] = readIntervals(w, 'unavailable', path) ?? new Float64Array(0);
    workerWeeklyCapMinutes[i] = Math.min(maxMinutesPerWeek, readNumber(w, 'maxMinutesPerWeek', path, { min: 0, fallback: Number.POSITIVE_INFINITY }));
    workerDesiredMinutes[i] = readNumber(w, 'desiredMinutes', path, { min: 0, fallback: Number.NaN });
    workerMinShifts[i] = readNumber(w, 'minShifts', path, { min: 0, isInteger: true, fallback: 0 });
    const preferred = readList(w, 'preferredOrganisations', path, true);
    preferred.forEach((id, k) => {
      const org = organisationIndex.get(id as string);
      if (org === undefined) fail(`${path}.preferredOrganisations[${k}]`, `unknown organisation ${String(id)}`);
      else workerPreferred[i * O + org] = 1;
    });
    workerHasPreferences[i] = preferred.length > 0 ? 1 : 0;
    workerHourlyCost[i] = readNumber(w, 'hourlyCost', path, { min: 0, fallback: 0 });
  });

  const pinned: Array<{ shift: number; worker: number }> = [];
  const seenPins = new Set<string>();
  readList(doc, 'pinned', '', true).forEach((pin, i) => {
    const path = `pinned[${i}]`;
    if (!isObject(pin)) { fail(path, 'must be an object'); return; }
    const shift = shiftIndex.get(pin.shiftId as string);
    const worker = workerIndex.get(pin.workerId as string);
    if (shift === undefined) fail(`${path}.shiftId`, `unknown shift ${String(pin.shiftId)}`);
    if (worker === undefined) fail(`${path}.workerId`, `unknown worker ${String(pin.workerId)}`);
    if (shift === undefined || worker === undefined) return;
    const key = `${shift}:${worker}`;
    if (seenPins.has(key)) { fail(path, 'pinned twice'); return; }
    seenPins.add(key);
    pinned.push({ shift, worker });
  });
  const pinsPerShift = new Int32Array(S);
  for (const pin of pinned) {
    if (++pinsPerShift[pin.shift]! === shiftDemand[pin.shift]! + 1) fail('pinned', `more pins than places on shift ${String((shifts[pin.shift] as Json).id)}`);
  }

  if (issues.length > 0) return { ok: false, issues };
  const d = doc as unknown as ProblemDocument;
  return {
    ok: true,
    problem: {
      id: d.id, horizonStart, horizonEnd, weekCount: Math.max(1, Math.ceil((horizonEnd - horizonStart) / WEEK_MS)),
      minRestMinutes, weights,
      packageIds: d.packages.map((p) => p.id), packageRequiresRegistration,
      organisationIds: d.organisations.map((o) => o.id),
      locationIds: d.locations.map((l) => l.id), locationOrganisation,
      shiftIds: d.shifts.map((s) => s.id), shiftIndex, shiftLocation, shiftOrganisation, shiftPackage, shiftStart, shiftEnd,
      shiftMinutes, shiftWeek, shiftDemand, shiftPriority, shiftSupervision,
      workerIds: d.workers.map((w) => w.id), workerIndex, workerMaxTravelKm, workerPackages, workerRegistrationExpires, workerIsNewcomer,
      workerAvailable, workerUnavailable, workerWeeklyCapMinutes, workerDesiredMinutes, workerMinShifts, workerPreferred,
      workerHasPreferences, workerHourlyCost, distanceKm, pinned,
    },
  };
}

/**
 * Windows [start, end, ...] re-packed as [start_k, max(end_0..end_k), ...] sorted by start: a shift lies
 * inside some window iff, for the last window starting at or before the shift, that running maximum of ends
 * reaches the shift's end. One binary search instead of a scan, exact also for overlapping windows.
 */
export function indexAvailability(windows: Float64Array): Float64Array {
  const order = Array.from({ length: windows.length / 2 }, (_, k) => k).sort((a, b) => windows[2 * a]! - windows[2 * b]!);
  const index = new Float64Array(windows.length);
  let maxEnd = Number.NEGATIVE_INFINITY;
  order.forEach((k, i) => {
    maxEnd = Math.max(maxEnd, windows[2 * k + 1]!);
    index[2 * i] = windows[2 * k]!;
    index[2 * i + 1] = maxEnd;
  });
  return index;
}

/** Compiles a document known to be valid (tests, generated problems); throws with the issues otherwise. */
export function compileOrThrow(input: unknown): CompiledProblem {
  const result = compileProblem(input);
  if (!result.ok) throw new Error(`invalid problem:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  return result.problem;
}
