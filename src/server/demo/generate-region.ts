// A seeded, deterministic generator for a realistic care region: organisations with locations,
// a pool of workers of every kind, and weeks of open shifts. Pure: the same options give the
// same plain objects; load-region.ts inserts them. Shift times are built from local times in the
// region's zone with luxon, so a night across a DST change gets the right UTC instants.
import { DateTime } from 'luxon';
import { makeBigNumber } from '../../shared/big-number.js';
import { createRng, type Rng } from '../../solver/core/rng.js';
import { allPostcodes, distanceKm, lookupPostcode, type PostcodePoint } from '../geo/postcodes.js';
import {
  CONTACTS,
  DEMO_ORGANISATIONS,
  FIRST_NAMES,
  LAST_NAMES,
  MONITORING_WARDS,
  NOTE_TEMPLATES,
  WARDS,
  type PackageCode,
  type Sector,
} from './demo-catalogue.js';

export type { PackageCode, Sector } from './demo-catalogue.js';
export type WorkerKind = 'own_staff' | 'reservist' | 'flex' | 'side_entrant' | 'student';
export type AccountRole = 'worker' | 'planner' | 'mediator' | 'coordinator' | 'admin';

export const DEMO_TIME_ZONE = 'Europe/Amsterdam';
export const DEMO_PROVINCE = 'Utrecht';

export type GenerateRegionOptions = {
  seed?: number;
  workerCount?: number;
  /** First day (ISO date, local) of the shift horizon; default the next Monday after `now`. */
  startDate?: string;
  weeks?: number;
  /** "Today" for registration expiry dates and the default start; default the current time. */
  now?: Date;
  /** Region code (unique per database); default 'utrecht'. Tests loading several regions pick others. */
  regionCode?: string;
  /** Create the demo logins and worker accounts (emails are unique per database); default true. */
  withAccounts?: boolean;
  /** Share of shifts that already have someone on them (claims made before the demo starts); default 0.15. */
  filledShare?: number;
};

export type GeneratedOrganisation = {
  key: string;
  name: string;
  sector: Sector;
  claimMode: 'instant' | 'approval';
  cancelCutoffHours: number;
  swapNeedsApproval: boolean;
};
export type GeneratedLocation = {
  key: string;
  organisationKey: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  lat: number;
  lon: number;
  timeZone: string;
  isMainSite: boolean;
};
export type GeneratedAvailability = { weekday: number; startMinute: number; endMinute: number };
export type GeneratedException = { isAvailable: boolean; start: string; end: string; reason: string };
export type GeneratedCredential = {
  kind: 'big';
  number: string;
  profession: string;
  expiresOn: string;
  verificationStatus: 'verified' | 'unverified';
};
export type GeneratedWorker = {
  key: string;
  kind: WorkerKind;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  homePostcode: string;
  homeLat: number;
  homeLon: number;
  qualificationLevel: number;
  homeOrganisationKey: string | null;
  maxTravelKm: number;
  maxMinutesPerWeek: number;
  desiredMinutesPerWeek: number;
  minDaysPerYear: number | null;
  isNewcomer: boolean;
  packages: PackageCode[];
  preferredOrganisationKeys: string[];
  weeklyAvailability: GeneratedAvailability[];
  exceptions: GeneratedException[];
  credentials: GeneratedCredential[];
};
export type GeneratedShift = {
  key: string;
  organisationKey: string;
  locationKey: string;
  packageCode: PackageCode;
  /** UTC instants, ISO 8601. */
  start: string;
  end: string;
  places: number;
  priority: number;
  supervisionCapacity: number;
  notes: string;
};
/** A worker already on a shift: a confirmed claim, or one waiting for the planner's approval. */
export type GeneratedAssignment = {
  shiftKey: string;
  workerKey: string;
  status: 'confirmed' | 'pending';
  source: 'claim' | 'mediation';
  isNewcomer: boolean;
};
export type GeneratedAccount = {
  email: string;
  name: string;
  roles: { role: AccountRole; organisationKey?: string; inRegion?: boolean }[];
  workerKey?: string;
  /** Printed on start-up as one of the demo logins. */
  demoLogin?: { description: string };
};
export type GeneratedRegion = {
  seed: number;
  startDate: string;
  weeks: number;
  region: { code: string; name: string; country: 'NL'; timeZone: string };
  organisations: GeneratedOrganisation[];
  locations: GeneratedLocation[];
  workers: GeneratedWorker[];
  shifts: GeneratedShift[];
  assignments: GeneratedAssignment[];
  accounts: GeneratedAccount[];
};

export const DEMO_WORKER_KEY = 'w-demo';
export const DEMO_PLANNER_ORGANISATION_KEY = 'umc-domstad';
const DEMO_PLANNER_SECOND_ORGANISATION_KEY = 'eemland-zh';
/** Worker accounts besides the demo worker: enough to try claims from several sides. */
const EXTRA_WORKER_ACCOUNTS = 20;

/** The next Monday strictly after `now`, as a local ISO date in the region's zone. */
export function nextMonday(now: Date, zone = DEMO_TIME_ZONE): string {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return today.plus({ days: 8 - today.weekday }).toISODate()!;
}

export function generateRegion(options: GenerateRegionOptions = {}): GeneratedRegion {
  const seed = options.seed ?? 20_270_104;
  const workerCount = options.workerCount ?? 300;
  const weeks = options.weeks ?? 4;
  const now = options.now ?? new Date();
  const startDate = options.startDate ?? nextMonday(now);
  const rng = createRng(seed);

  const organisations: GeneratedOrganisation[] = DEMO_ORGANISATIONS.map((o) => ({ key: o.key, name: o.name, sector: o.sector, ...CLAIM_SETTINGS[o.sector] }));
  const locations = generateLocations();
  const workers = generateWorkers(rng, workerCount, organisations, locations, startDate, weeks, now);
  const { shifts, slots } = generateShifts(rng, organisations, locations, startDate, weeks);
  // A stream of its own, so tuning the assignments leaves workers and shifts as they are.
  const assignments = generateAssignments(createRng(seed ^ 0x5eed), { workers, shifts, slots, locations, organisations, filledShare: options.filledShare ?? 0.15 });
  return {
    seed,
    startDate,
    weeks,
    region: { code: options.regionCode ?? 'utrecht', name: 'Regio Utrecht', country: 'NL', timeZone: DEMO_TIME_ZONE },
    organisations,
    locations,
    workers,
    shifts,
    assignments,
    accounts: options.withAccounts === false ? [] : generateAccounts(workers, organisations),
  };
}

// ---------------------------------------------------------------------------------------------
// Organisations and locations

/** Hospitals and mental-health care approve claims themselves; elsewhere a claim is confirmed at once. */
const CLAIM_SETTINGS: Record<Sector, Pick<GeneratedOrganisation, 'claimMode' | 'cancelCutoffHours' | 'swapNeedsApproval'>> = {
  hospital: { claimMode: 'approval', cancelCutoffHours: 72, swapNeedsApproval: true },
  vvt: { claimMode: 'instant', cancelCutoffHours: 48, swapNeedsApproval: true },
  home_care: { claimMode: 'instant', cancelCutoffHours: 24, swapNeedsApproval: false },
  disability_care: { claimMode: 'instant', cancelCutoffHours: 48, swapNeedsApproval: true },
  mental_health: { claimMode: 'approval', cancelCutoffHours: 48, swapNeedsApproval: true },
  gp_care: { claimMode: 'instant', cancelCutoffHours: 24, swapNeedsApproval: false },
  youth_care: { claimMode: 'approval', cancelCutoffHours: 48, swapNeedsApproval: true },
};

function generateLocations(): GeneratedLocation[] {
  return DEMO_ORGANISATIONS.flatMap((o) =>
    o.locations.map((l, i) => {
      const point = lookupPostcode(l.postcode, 'NL');
      if (!point) throw new Error(`demo location ${l.name}: postcode ${l.postcode} is not in the centroid table`);
      return {
        key: `${o.key}-${i + 1}`,
        organisationKey: o.key,
        name: l.name,
        address: l.address,
        postcode: l.postcode,
        city: point.place,
        lat: point.lat,
        lon: point.lon,
        timeZone: DEMO_TIME_ZONE,
        isMainSite: i === 0,
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Workers

const KIND_SHARES: [WorkerKind, number][] = [
  ['own_staff', 0.3],
  ['reservist', 0.18],
  ['flex', 0.24],
  ['side_entrant', 0.14],
  ['student', 0.14],
];

/** Level weights per kind (levels 1…6, domain.md §3). */
const LEVEL_WEIGHTS: Record<WorkerKind, number[]> = {
  own_staff: [0, 10, 30, 25, 15, 20],
  reservist: [0, 10, 25, 25, 15, 25],
  flex: [0, 15, 30, 25, 15, 15],
  side_entrant: [50, 45, 5, 0, 0, 0],
  // Students in training hold no BIG registration yet, so they stay below the nursing level.
  student: [0, 45, 55, 0, 0, 0],
};

/** Hours per week on the platform: [max choices, desired range]. Own staff want *extra* hours. */
const HOURS: Record<WorkerKind, { max: number[]; desired: [number, number] }> = {
  own_staff: { max: [8, 12, 16], desired: [4, 12] },
  reservist: { max: [8, 16, 24], desired: [4, 12] },
  flex: { max: [24, 32, 36, 40], desired: [16, 32] },
  side_entrant: { max: [16, 24, 32], desired: [12, 24] },
  student: { max: [8, 12, 16], desired: [6, 12] },
};

const TRAVEL_KM: Record<WorkerKind, [number, number]> = {
  own_staff: [10, 30],
  reservist: [10, 40],
  flex: [15, 50],
  side_entrant: [5, 20],
  student: [5, 15],
};

type PatternName = 'early' | 'late' | 'night' | 'weekend' | 'office' | 'flexible' | 'student';
/** Windows are a little wider than the shifts (07:00–15:30, 15:00–23:30, 23:00–07:30) they should admit. */
const PATTERN_WINDOWS: Record<PatternName, [number, number]> = {
  early: [6 * 60 + 45, 15 * 60 + 45],
  late: [14 * 60 + 30, 23 * 60 + 45],
  night: [22 * 60 + 45, 24 * 60 + 8 * 60 + 15],
  weekend: [6 * 60 + 45, 23 * 60 + 45],
  office: [7 * 60 + 30, 17 * 60 + 30],
  flexible: [6 * 60 + 45, 23 * 60 + 45],
  student: [16 * 60 + 30, 23 * 60 + 45],
};
const PATTERN_WEIGHTS: Record<WorkerKind, [PatternName, number][]> = {
  own_staff: [['early', 25], ['late', 25], ['night', 15], ['weekend', 20], ['flexible', 15]],
  reservist: [['early', 25], ['office', 20], ['weekend', 25], ['flexible', 20], ['night', 10]],
  flex: [['flexible', 40], ['early', 15], ['late', 15], ['night', 20], ['weekend', 10]],
  side_entrant: [['early', 30], ['office', 30], ['late', 20], ['weekend', 20]],
  student: [['student', 60], ['weekend', 40]],
};

function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.nextFloat() * total;
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options[options.length - 1]![0];
}

const between = (rng: Rng, low: number, high: number) => low + rng.nextInt(high - low + 1);
const chance = (rng: Rng, p: number) => rng.nextFloat() < p;

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function packagesFor(rng: Rng, level: number, kind: WorkerKind): PackageCode[] {
  if (kind === 'side_entrant') {
    if (level === 1) return ['support-tasks'];
    return chance(rng, 0.6) ? ['basic-care', 'support-tasks'] : ['basic-care'];
  }
  switch (level) {
    case 1:
      return ['support-tasks'];
    case 2:
      return chance(rng, 0.5) ? ['basic-care', 'support-tasks'] : ['basic-care'];
    case 3:
      return chance(rng, 0.3) ? ['basic-care', 'more-responsibility', 'support-tasks'] : ['basic-care', 'more-responsibility'];
    case 4:
      return [...(chance(rng, 0.5) ? (['basic-care'] as const) : []), ...(chance(rng, 0.6) ? (['more-responsibility'] as const) : []), 'nursing'];
    default: {
      const monitoring = chance(rng, level === 6 ? 0.45 : 0.35);
      return [...(chance(rng, 0.4) ? (['more-responsibility'] as const) : []), 'nursing', ...(monitoring ? (['monitoring-care'] as const) : [])];
    }
  }
}

function availabilityFor(rng: Rng, kind: WorkerKind): GeneratedAvailability[] {
  const pattern = weighted(rng, PATTERN_WEIGHTS[kind]);
  const [startMinute, endMinute] = PATTERN_WINDOWS[pattern];
  let days: number[];
  switch (pattern) {
    case 'weekend':
      days = chance(rng, 0.5) ? [5, 6, 7] : [6, 7];
      break;
    case 'office':
      days = shuffled(rng, [1, 2, 3, 4, 5]).slice(0, between(rng, 2, 4));
      break;
    case 'student':
      days = shuffled(rng, [1, 2, 3, 4, 5]).slice(0, between(rng, 1, 3));
      break;
    case 'early':
    case 'late':
    case 'night':
    case 'flexible':
      days = shuffled(rng, [1, 2, 3, 4, 5, 6, 7]).slice(0, between(rng, 2, 5));
      break;
  }
  const windows = days.sort((a, b) => a - b).map((weekday) => ({ weekday, startMinute, endMinute }));
  // Students also work weekend days in full.
  if (pattern === 'student' && chance(rng, 0.7)) windows.push({ weekday: 6, startMinute: 6 * 60 + 45, endMinute: 23 * 60 + 45 });
  return windows;
}

/** A local wall-clock time `minute` minutes after the start of a local date (past 1440 = a later day). */
export function localInstant(date: string, minute: number, zone: string): DateTime {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, day + Math.floor(minute / 1440)));
  return DateTime.fromObject(
    {
      year: calendarDay.getUTCFullYear(),
      month: calendarDay.getUTCMonth() + 1,
      day: calendarDay.getUTCDate(),
      hour: Math.floor((minute % 1440) / 60),
      minute: minute % 60,
    },
    { zone },
  );
}
const iso = (t: DateTime) => t.toJSDate().toISOString();

/** Calendar arithmetic on ISO dates without zone lookups (the generator's hot path). */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
/** ISO weekday: 1 = Monday … 7 = Sunday. */
function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** Zone arithmetic is the generator's main cost; shifts repeat a few slots per day, so remember them. */
const localIsoCache = new Map<string, string>();
function localIso(date: string, minute: number, zone: string): string {
  const key = `${zone}|${date}|${minute}`;
  let value = localIsoCache.get(key);
  if (value === undefined) {
    value = iso(localInstant(date, minute, zone));
    localIsoCache.set(key, value);
  }
  return value;
}

function exceptionsFor(rng: Rng, startDate: string, weeks: number): GeneratedException[] {
  const days = weeks * 7;
  const midnight = (date: string) => localIso(date, 0, DEMO_TIME_ZONE);
  const r = rng.nextFloat();
  if (r < 0.12) {
    const from = addDays(startDate, rng.nextInt(days));
    return [{ isAvailable: false, start: midnight(from), end: midnight(addDays(from, between(rng, 5, 14))), reason: 'Vakantie' }];
  }
  if (r < 0.16) {
    const from = addDays(startDate, rng.nextInt(Math.min(days, 7)));
    return [{ isAvailable: false, start: midnight(from), end: midnight(addDays(from, between(rng, 2, 5))), reason: 'Ziek' }];
  }
  if (r < 0.2) {
    const day = addDays(startDate, rng.nextInt(days));
    return [{ isAvailable: true, start: localIso(day, 7 * 60, DEMO_TIME_ZONE), end: localIso(day, 23 * 60 + 30, DEMO_TIME_ZONE), reason: 'Extra beschikbaar' }];
  }
  return [];
}

const localDateCache = new Map<number, string>();
/** The local calendar date of an instant in the region's zone. */
function localDate(now: Date): string {
  let value = localDateCache.get(now.getTime());
  if (value === undefined) {
    value = DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE }).toISODate()!;
    localDateCache.set(now.getTime(), value);
  }
  return value;
}

/** Expiry dates spread over five years; a share expires within 60 days and a few have expired. */
function bigCredential(rng: Rng, nurseIndex: number, now: Date, used: Set<string>): GeneratedCredential {
  let number: string;
  do {
    // The last two digits follow the professional-group code 30 (verpleegkundigen, domain.md §2.1).
    const body = [...Array.from({ length: 7 }, () => rng.nextInt(10)), 3, 0];
    number = makeBigNumber(body);
  } while (used.has(number));
  used.add(number);
  const today = localDate(now);
  let expires: string;
  if (nurseIndex % 25 === 3) expires = addDays(today, -between(rng, 1, 120));
  else if (nurseIndex % 10 === 7) expires = addDays(today, between(rng, 1, 60));
  else expires = addDays(today, between(rng, 61, 5 * 365));
  return {
    kind: 'big',
    number,
    profession: 'verpleegkundige',
    expiresOn: expires,
    verificationStatus: chance(rng, 0.12) ? 'unverified' : 'verified',
  };
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/**
 * The PC4s of a province, sorted. Compares the trimmed province: the centroid CSV has CRLF line
 * endings and postcodes.ts keeps the "\r" on the last column, so allPostcodes('NL', 'Utrecht') finds none.
 */
export function provincePostcodes(province: string): PostcodePoint[] {
  return allPostcodes('NL')
    .filter((p) => p.province.trim() === province)
    .sort((a, b) => a.postcode.localeCompare(b.postcode));
}

function generateWorkers(
  rng: Rng,
  count: number,
  organisations: GeneratedOrganisation[],
  locations: GeneratedLocation[],
  startDate: string,
  weeks: number,
  now: Date,
): GeneratedWorker[] {
  const postcodes = provincePostcodes(DEMO_PROVINCE);
  // The demo worker is one of the pool.
  const others = Math.max(0, count - 1);
  const kinds: WorkerKind[] = [];
  for (const [kind, share] of KIND_SHARES) for (let i = 0; i < Math.round(share * others); i++) kinds.push(kind);
  while (kinds.length < others) kinds.push('flex');
  kinds.length = others;
  const usedBig = new Set<string>();
  let nurseIndex = 0;

  const nearbyOrganisations = (home: { lat: number; lon: number }, km: number) => {
    const distances = organisations.map((o) => ({
      key: o.key,
      sector: o.sector,
      km: Math.min(...locations.filter((l) => l.organisationKey === o.key).map((l) => distanceKm(home, l))),
    }));
    const within = distances.filter((d) => d.km <= km);
    return within.length ? within : distances.sort((a, b) => a.km - b.km).slice(0, 2);
  };

  const workers: GeneratedWorker[] = [demoWorker(rng, now, startDate, usedBig)];
  for (const [i, kind] of shuffled(rng, kinds).entries()) {
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const home = rng.pick(postcodes);
    const level = 1 + weighted(rng, LEVEL_WEIGHTS[kind].map((w, l) => [l, w] as const));
    const packages = packagesFor(rng, level, kind);
    const [lowKm, highKm] = TRAVEL_KM[kind];
    const maxTravelKm = Math.round(between(rng, lowKm, highKm) / 5) * 5;
    const hours = HOURS[kind];
    const maxHours = rng.pick(hours.max);
    const desiredHours = Math.min(maxHours, between(rng, hours.desired[0], hours.desired[1]));
    const nearby = nearbyOrganisations(home, Math.max(maxTravelKm, 15));
    const careNearby = nearby.filter((o) => (level >= 4 ? true : o.sector !== 'hospital' && o.sector !== 'gp_care'));
    const homeOrganisationKey = kind === 'own_staff' ? rng.pick(careNearby.length ? careNearby : nearby).key : null;
    const preferred = chance(rng, 0.45) ? shuffled(rng, nearby.map((o) => o.key)).slice(0, between(rng, 1, 3)) : [];
    if (homeOrganisationKey && !preferred.includes(homeOrganisationKey) && chance(rng, 0.7)) preferred.unshift(homeOrganisationKey);
    const isNurse = packages.includes('nursing');
    workers.push({
      key: `w-${i + 1}`,
      kind,
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}.${i + 1}@example.org`,
      phone: `06-${String(10_000_000 + rng.nextInt(90_000_000))}`,
      homePostcode: home.postcode,
      homeLat: home.lat,
      homeLon: home.lon,
      qualificationLevel: level,
      homeOrganisationKey,
      maxTravelKm,
      maxMinutesPerWeek: maxHours * 60,
      desiredMinutesPerWeek: desiredHours * 60,
      minDaysPerYear: kind === 'reservist' ? between(rng, 4, 12) : null,
      isNewcomer: kind === 'side_entrant' || (kind === 'student' && chance(rng, 0.5)),
      packages,
      preferredOrganisationKeys: preferred,
      weeklyAvailability: availabilityFor(rng, kind),
      exceptions: exceptionsFor(rng, startDate, weeks),
      credentials: isNurse ? [bigCredential(rng, nurseIndex++, now, usedBig)] : [],
    });
  }
  return workers.slice(0, count);
}

/** worker@harmonica.demo: a BIG-registered nurse whose registration runs out soon, so the home page has something to say. */
function demoWorker(rng: Rng, now: Date, startDate: string, usedBig: Set<string>): GeneratedWorker {
  const home = lookupPostcode('3581', 'NL')!;
  const credential = bigCredential(rng, 7, now, usedBig);
  const holiday = addDays(startDate, 17);
  return {
    key: DEMO_WORKER_KEY,
    kind: 'reservist',
    firstName: 'Wendy',
    lastName: 'Werker',
    email: 'worker@harmonica.demo',
    phone: '06-12345678',
    homePostcode: home.postcode,
    homeLat: home.lat,
    homeLon: home.lon,
    qualificationLevel: 5,
    homeOrganisationKey: null,
    maxTravelKm: 25,
    maxMinutesPerWeek: 16 * 60,
    desiredMinutesPerWeek: 12 * 60,
    minDaysPerYear: 8,
    isNewcomer: false,
    packages: ['basic-care', 'more-responsibility', 'nursing'],
    preferredOrganisationKeys: ['umc-domstad', 'kromme-rijn'],
    weeklyAvailability: [
      { weekday: 1, startMinute: PATTERN_WINDOWS.early[0], endMinute: PATTERN_WINDOWS.early[1] },
      { weekday: 3, startMinute: PATTERN_WINDOWS.early[0], endMinute: PATTERN_WINDOWS.early[1] },
      { weekday: 5, startMinute: PATTERN_WINDOWS.late[0], endMinute: PATTERN_WINDOWS.late[1] },
      { weekday: 6, startMinute: PATTERN_WINDOWS.night[0], endMinute: PATTERN_WINDOWS.night[1] },
    ],
    exceptions: [{ isAvailable: false, start: localIso(holiday, 0, DEMO_TIME_ZONE), end: localIso(addDays(holiday, 4), 0, DEMO_TIME_ZONE), reason: 'Vakantie' }],
    credentials: [{ ...credential, verificationStatus: 'verified' }],
  };
}

// ---------------------------------------------------------------------------------------------
// Shifts

type Slot = { start: number; end: number };
const SLOTS = {
  early: { start: 7 * 60, end: 15 * 60 + 30 },
  late: { start: 15 * 60, end: 23 * 60 + 30 },
  night: { start: 23 * 60, end: 7 * 60 + 30 },
  morningRound: { start: 7 * 60 + 30, end: 12 * 60 + 30 },
  eveningRound: { start: 17 * 60, end: 22 * 60 },
  office: { start: 8 * 60 + 30, end: 17 * 60 },
  lunch: { start: 11 * 60 + 30, end: 14 * 60 },
  dinner: { start: 16 * 60 + 30, end: 19 * 60 + 30 },
  gpEvening: { start: 17 * 60, end: 23 * 60 },
} satisfies Record<string, Slot>;

/** One kind of open shift an organisation posts: chance per day at the main site (others get half). */
type Demand = { packageCode: PackageCode; slot: Slot; weekday: number; weekend: number; places: [number, number]; priority: [number, number] };

const DEMAND: Record<Sector, Demand[]> = {
  hospital: [
    { packageCode: 'nursing', slot: SLOTS.early, weekday: 0.5, weekend: 0.6, places: [1, 2], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.late, weekday: 0.45, weekend: 0.6, places: [1, 2], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.night, weekday: 0.55, weekend: 0.7, places: [1, 2], priority: [3, 5] },
    { packageCode: 'monitoring-care', slot: SLOTS.night, weekday: 0.35, weekend: 0.45, places: [1, 1], priority: [4, 5] },
    { packageCode: 'monitoring-care', slot: SLOTS.early, weekday: 0.2, weekend: 0.3, places: [1, 1], priority: [3, 5] },
    { packageCode: 'more-responsibility', slot: SLOTS.early, weekday: 0.2, weekend: 0.25, places: [1, 2], priority: [1, 3] },
    { packageCode: 'support-tasks', slot: SLOTS.lunch, weekday: 0.15, weekend: 0.1, places: [1, 2], priority: [1, 2] },
  ],
  vvt: [
    { packageCode: 'basic-care', slot: SLOTS.early, weekday: 0.6, weekend: 0.75, places: [1, 3], priority: [2, 4] },
    { packageCode: 'basic-care', slot: SLOTS.late, weekday: 0.45, weekend: 0.6, places: [1, 2], priority: [2, 4] },
    { packageCode: 'more-responsibility', slot: SLOTS.early, weekday: 0.35, weekend: 0.45, places: [1, 2], priority: [2, 4] },
    { packageCode: 'more-responsibility', slot: SLOTS.late, weekday: 0.3, weekend: 0.4, places: [1, 1], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.night, weekday: 0.2, weekend: 0.25, places: [1, 1], priority: [3, 5] },
    { packageCode: 'support-tasks', slot: SLOTS.lunch, weekday: 0.2, weekend: 0.3, places: [1, 2], priority: [1, 2] },
    { packageCode: 'support-tasks', slot: SLOTS.dinner, weekday: 0.15, weekend: 0.25, places: [1, 2], priority: [1, 2] },
  ],
  home_care: [
    { packageCode: 'basic-care', slot: SLOTS.morningRound, weekday: 0.65, weekend: 0.7, places: [1, 2], priority: [2, 4] },
    { packageCode: 'basic-care', slot: SLOTS.eveningRound, weekday: 0.45, weekend: 0.5, places: [1, 1], priority: [2, 3] },
    { packageCode: 'nursing', slot: SLOTS.office, weekday: 0.3, weekend: 0.2, places: [1, 1], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.night, weekday: 0.1, weekend: 0.15, places: [1, 1], priority: [3, 5] },
  ],
  disability_care: [
    { packageCode: 'basic-care', slot: SLOTS.early, weekday: 0.4, weekend: 0.55, places: [1, 2], priority: [2, 3] },
    { packageCode: 'more-responsibility', slot: SLOTS.late, weekday: 0.35, weekend: 0.5, places: [1, 1], priority: [2, 4] },
    { packageCode: 'basic-care', slot: SLOTS.night, weekday: 0.15, weekend: 0.2, places: [1, 1], priority: [2, 4] },
    { packageCode: 'support-tasks', slot: SLOTS.office, weekday: 0.2, weekend: 0.05, places: [1, 2], priority: [1, 2] },
  ],
  mental_health: [
    { packageCode: 'nursing', slot: SLOTS.early, weekday: 0.35, weekend: 0.4, places: [1, 1], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.late, weekday: 0.3, weekend: 0.4, places: [1, 1], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.night, weekday: 0.3, weekend: 0.35, places: [1, 1], priority: [3, 5] },
    { packageCode: 'more-responsibility', slot: SLOTS.early, weekday: 0.25, weekend: 0.3, places: [1, 2], priority: [2, 3] },
    { packageCode: 'support-tasks', slot: SLOTS.office, weekday: 0.1, weekend: 0, places: [1, 1], priority: [1, 2] },
  ],
  gp_care: [
    { packageCode: 'nursing', slot: SLOTS.gpEvening, weekday: 0.4, weekend: 0.6, places: [1, 1], priority: [2, 4] },
    { packageCode: 'nursing', slot: SLOTS.office, weekday: 0, weekend: 0.7, places: [1, 2], priority: [2, 4] },
  ],
  youth_care: [
    { packageCode: 'more-responsibility', slot: SLOTS.late, weekday: 0.3, weekend: 0.4, places: [1, 1], priority: [2, 3] },
  ],
};

function shiftNote(rng: Rng, sector: Sector, packageCode: PackageCode): string {
  const ward = packageCode === 'monitoring-care' ? rng.pick(MONITORING_WARDS) : rng.pick(WARDS[sector]);
  const contact = rng.pick(CONTACTS);
  let buddy = rng.pick(CONTACTS);
  if (buddy === contact) buddy = CONTACTS[(CONTACTS.indexOf(contact) + 1) % CONTACTS.length]!;
  return rng.pick(NOTE_TEMPLATES[sector]).replace('{ward}', ward).replace('{contact}', contact).replace('{buddy}', buddy);
}

/** A shift's local date and wall-clock minutes (end past 1440 = the next day), beside the public shape. */
type ShiftSlot = { date: string; weekday: number; week: number; startMinute: number; endMinute: number };

function generateShifts(
  rng: Rng,
  organisations: GeneratedOrganisation[],
  locations: GeneratedLocation[],
  startDate: string,
  weeks: number,
): { shifts: GeneratedShift[]; slots: ShiftSlot[] } {
  const shifts: GeneratedShift[] = [];
  const slots: ShiftSlot[] = [];
  const firstMonday = addDays(startDate, 1 - weekdayOf(startDate));
  for (let d = 0; d < weeks * 7; d++) {
    const date = addDays(startDate, d);
    const weekday = weekdayOf(date);
    const week = Math.floor(daysBetween(firstMonday, date) / 7);
    const isWeekend = weekday >= 6;
    for (const organisation of organisations) {
      for (const location of locations.filter((l) => l.organisationKey === organisation.key)) {
        for (const demand of DEMAND[organisation.sector]) {
          const p = (isWeekend ? demand.weekend : demand.weekday) * (location.isMainSite ? 1 : 0.5);
          if (!chance(rng, p)) continue;
          const endMinute = demand.slot.end + (demand.slot.end <= demand.slot.start ? 1440 : 0);
          const start = localIso(date, demand.slot.start, location.timeZone);
          const end = localIso(date, endMinute, location.timeZone);
          slots.push({ date, weekday, week, startMinute: demand.slot.start, endMinute });
          const supervisionCapacity =
            demand.packageCode === 'nursing' || demand.packageCode === 'more-responsibility' ? weighted(rng, [[0, 40], [1, 40], [2, 20]] as const) : chance(rng, 0.2) ? 1 : 0;
          shifts.push({
            key: `s-${shifts.length + 1}`,
            organisationKey: organisation.key,
            locationKey: location.key,
            packageCode: demand.packageCode,
            start,
            end,
            places: Math.min(3, between(rng, demand.places[0], demand.places[1]) + (chance(rng, 0.05) ? 1 : 0)),
            priority: between(rng, demand.priority[0], demand.priority[1]),
            supervisionCapacity,
            notes: shiftNote(rng, organisation.sector, demand.packageCode),
          });
        }
      }
    }
  }
  return { shifts, slots };
}

// ---------------------------------------------------------------------------------------------
// Assignments: some shifts are partly filled already

/** Stricter than the region's rules (11 h, 14 h after a night), so every generated assignment is allowed. */
const MIN_GAP_MS = 14 * 3_600_000;

type AssignmentInput = {
  workers: GeneratedWorker[];
  shifts: GeneratedShift[];
  slots: ShiftSlot[];
  locations: GeneratedLocation[];
  organisations: GeneratedOrganisation[];
  filledShare: number;
};

function generateAssignments(rng: Rng, input: AssignmentInput): GeneratedAssignment[] {
  const { workers, shifts, slots, filledShare } = input;
  const locationsByKey = new Map(input.locations.map((l) => [l.key, l]));
  const organisationsByKey = new Map(input.organisations.map((o) => [o.key, o]));
  const held = new Map<string, { start: number; end: number; week: number; minutes: number }[]>();
  const takenPlaces = new Map<string, { count: number; newcomers: number }>();
  const assignments: GeneratedAssignment[] = [];

  const isEligible = (worker: GeneratedWorker, i: number): boolean => {
    const shift = shifts[i]!;
    const slot = slots[i]!;
    if (!worker.packages.includes(shift.packageCode)) return false;
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    if (shift.packageCode === 'nursing' || shift.packageCode === 'monitoring-care') {
      const big = worker.credentials.find((c) => c.kind === 'big' && c.verificationStatus === 'verified');
      if (!big || Date.parse(`${big.expiresOn}T00:00:00Z`) < end + 86_400_000) return false;
    }
    const location = locationsByKey.get(shift.locationKey)!;
    if (distanceKm({ lat: worker.homeLat, lon: worker.homeLon }, location) > worker.maxTravelKm) return false;
    const previousWeekday = slot.weekday === 1 ? 7 : slot.weekday - 1;
    const inWindow = worker.weeklyAvailability.some(
      (w) =>
        (w.weekday === slot.weekday && w.startMinute <= slot.startMinute && slot.endMinute <= w.endMinute) ||
        (w.weekday === previousWeekday && w.startMinute <= slot.startMinute + 1440 && slot.endMinute + 1440 <= w.endMinute),
    );
    if (!inWindow) return false;
    if (worker.exceptions.some((e) => !e.isAvailable && Date.parse(e.start) < end && start < Date.parse(e.end))) return false;
    const mine = held.get(worker.key) ?? [];
    if (mine.some((h) => start < h.end + MIN_GAP_MS && h.start < end + MIN_GAP_MS)) return false;
    const weekMinutes = mine.filter((h) => h.week === slot.week).reduce((sum, h) => sum + h.minutes, 0);
    if (weekMinutes + (end - start) / 60_000 > worker.maxMinutesPerWeek) return false;
    const taken = takenPlaces.get(shift.key) ?? { count: 0, newcomers: 0 };
    if (worker.isNewcomer && taken.newcomers >= shift.supervisionCapacity) return false;
    return true;
  };

  const assign = (worker: GeneratedWorker, i: number, status?: GeneratedAssignment['status']) => {
    const shift = shifts[i]!;
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    const list = held.get(worker.key) ?? [];
    list.push({ start, end, week: slots[i]!.week, minutes: (end - start) / 60_000 });
    held.set(worker.key, list);
    const taken = takenPlaces.get(shift.key) ?? { count: 0, newcomers: 0 };
    takenPlaces.set(shift.key, { count: taken.count + 1, newcomers: taken.newcomers + (worker.isNewcomer ? 1 : 0) });
    const organisation = organisationsByKey.get(shift.organisationKey)!;
    // A mediator places someone directly; a worker's own claim may wait for the planner's approval.
    const source = status === undefined && chance(rng, 0.15) ? 'mediation' : 'claim';
    const pending = source === 'claim' && organisation.claimMode === 'approval' && chance(rng, 0.35);
    assignments.push({ shiftKey: shift.key, workerKey: worker.key, status: status ?? (pending ? 'pending' : 'confirmed'), source, isNewcomer: worker.isNewcomer });
  };

  // The demo worker holds a few shifts (one awaiting approval), so their home page lists them.
  const demo = workers.find((w) => w.key === DEMO_WORKER_KEY);
  if (demo) {
    let confirmed = 2;
    let pending = 1;
    for (let i = 0; i < shifts.length && confirmed + pending > 0; i++) {
      if (!demo.preferredOrganisationKeys.includes(shifts[i]!.organisationKey) || !isEligible(demo, i)) continue;
      // Only an organisation that approves claims keeps one waiting.
      if (pending > 0 && organisationsByKey.get(shifts[i]!.organisationKey)!.claimMode === 'approval') {
        assign(demo, i, 'pending');
        pending--;
      } else if (confirmed > 0) {
        assign(demo, i, 'confirmed');
        confirmed--;
      }
    }
  }

  const order = shuffled(
    rng,
    shifts.map((_, i) => i),
  );
  const target = Math.round(shifts.length * filledShare);
  let filled = new Set(assignments.map((a) => a.shiftKey)).size;
  for (const i of order) {
    if (filled >= target) break;
    const shift = shifts[i]!;
    if (takenPlaces.has(shift.key)) continue;
    // Leave at least one place open on shifts with several, so they still show in the market.
    const places = shift.places === 1 ? 1 : between(rng, 1, shift.places - 1);
    const candidates = shuffled(
      rng,
      workers.filter((w) => w.key !== DEMO_WORKER_KEY),
    );
    let placed = 0;
    for (const worker of candidates) {
      if (placed >= places) break;
      if (isEligible(worker, i)) {
        assign(worker, i);
        placed++;
      }
    }
    if (placed > 0) filled++;
  }
  return assignments;
}

// ---------------------------------------------------------------------------------------------
// Accounts

function generateAccounts(workers: GeneratedWorker[], organisations: GeneratedOrganisation[]): GeneratedAccount[] {
  const orgName = (key: string) => organisations.find((o) => o.key === key)?.name ?? key;
  const accounts: GeneratedAccount[] = [
    { email: 'admin@harmonica.demo', name: 'Ada Admin', roles: [{ role: 'admin' }], demoLogin: { description: 'beheer: alle regio’s en accounts' } },
    { email: 'coordinator@harmonica.demo', name: 'Cor Coördinator', roles: [{ role: 'coordinator', inRegion: true }], demoLogin: { description: 'Regio Utrecht' } },
    { email: 'mediator@harmonica.demo', name: 'Mila Bemiddelaar', roles: [{ role: 'mediator', inRegion: true }], demoLogin: { description: 'Regio Utrecht' } },
    {
      email: 'planner@harmonica.demo',
      name: 'Piet Planner',
      roles: [
        { role: 'planner', organisationKey: DEMO_PLANNER_ORGANISATION_KEY },
        { role: 'planner', organisationKey: DEMO_PLANNER_SECOND_ORGANISATION_KEY },
      ],
      demoLogin: { description: `${orgName(DEMO_PLANNER_ORGANISATION_KEY)} (en ${orgName(DEMO_PLANNER_SECOND_ORGANISATION_KEY)})` },
    },
  ];
  // One planner for every other organisation, so each can post and plan its own shifts.
  for (const organisation of organisations) {
    if (organisation.key === DEMO_PLANNER_ORGANISATION_KEY || organisation.key === DEMO_PLANNER_SECOND_ORGANISATION_KEY) continue;
    accounts.push({ email: `planner.${organisation.key}@harmonica.demo`, name: `Planner ${organisation.name}`, roles: [{ role: 'planner', organisationKey: organisation.key }] });
  }
  for (const worker of workers.filter((w) => w.key !== DEMO_WORKER_KEY).slice(0, EXTRA_WORKER_ACCOUNTS)) {
    accounts.push({ email: worker.email, name: `${worker.firstName} ${worker.lastName}`, roles: [{ role: 'worker', inRegion: true }], workerKey: worker.key });
  }
  const demo = workers.find((w) => w.key === DEMO_WORKER_KEY);
  if (demo) {
    accounts.push({
      email: demo.email,
      name: `${demo.firstName} ${demo.lastName}`,
      roles: [{ role: 'worker', inRegion: true }],
      workerKey: demo.key,
      demoLogin: { description: 'verpleegkundige (reservist) met BIG-registratie' },
    });
  }
  return accounts;
}
