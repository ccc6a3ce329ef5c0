import { createRng, type Rng } from '../core/index.js';
import { PROBLEM_FORMAT, type Interval, type ProblemDocument } from './documents.js';

export interface GenerateOptions {
  seed: number;
  workers: number;
  days: number;
  /** Places to fill over the horizon, roughly; the default keeps supply short, as in the field. */
  places?: number;
  locations?: number;
}

const PACKAGES = [
  { id: 'support', name: 'Ondersteunende taken', requiresRegistration: false },
  { id: 'basic', name: 'Basiszorg', requiresRegistration: false },
  { id: 'responsible', name: 'Meer verantwoordelijkheid', requiresRegistration: false },
  { id: 'nursing', name: 'Verpleegkundige zorg (BIG)', requiresRegistration: true },
  { id: 'monitoring', name: 'Verpleegkundige bewakingszorg (BIG)', requiresRegistration: true },
];
/** Day, late and night shifts as [start hour, length in hours], local time (+01:00). */
const SHIFT_TYPES: Array<[number, number]> = [[7, 8.5], [15, 8.5], [23, 8.5], [9, 4]];
const HORIZON_START = Date.parse('2027-01-04T00:00:00+01:00');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An instant as ISO 8601 in Central European (winter) time. */
function toIso(ms: number): string {
  return new Date(ms + HOUR_MS).toISOString().replace('.000Z', '+01:00');
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.nextFloat() * (hi - lo);
}

/**
 * A seeded regional problem in the style of ../../../../shared/instances: organisations and locations around
 * Utrecht, open shifts in five activity packages, and a pool with mixed skills, radii, availability and wishes.
 */
export function generateProblem(options: GenerateOptions): ProblemDocument {
  const rng = createRng(options.seed);
  const locationCount = options.locations ?? Math.max(3, Math.round(options.workers / 15));
  const places = options.places ?? Math.round(options.workers * options.days * 0.5);
  // Bigger pools come from bigger regions: the area grows with the pool, so radii keep their meaning.
  const spread = Math.sqrt(Math.max(1, options.workers / 1500));
  const latOf = (): number => Number((52.1 + between(rng, -0.2, 0.2) * spread).toFixed(5));
  const lonOf = (): number => Number((5.15 + between(rng, -0.25, 0.25) * spread).toFixed(5));
  const organisationCount = Math.max(2, Math.round(locationCount / 2.3));
  const organisations = Array.from({ length: organisationCount }, (_, i) => ({ id: `org-${i + 1}`, name: `Organisatie ${i + 1}` }));
  const locations = Array.from({ length: locationCount }, (_, i) => ({
    id: `loc-${i + 1}`, organisationId: organisations[i % organisationCount]!.id,
    lat: latOf(), lon: lonOf(),
  }));

  const shifts: ProblemDocument['shifts'] = [];
  for (let placed = 0; placed < places;) {
    const [hour, length] = rng.pick(SHIFT_TYPES);
    const start = HORIZON_START + rng.nextInt(options.days) * DAY_MS + hour * HOUR_MS;
    const end = Math.min(start + length * HOUR_MS, HORIZON_START + options.days * DAY_MS);
    const demand = Math.min(places - placed, 1 + rng.nextInt(3));
    placed += demand;
    shifts.push({
      id: `s-${shifts.length + 1}`, locationId: rng.pick(locations).id, packageId: PACKAGES[Math.min(4, rng.nextInt(6))]!.id,
      start: toIso(start), end: toIso(end), demand, priority: 1 + Math.min(4, Math.floor(-Math.log(1 - rng.nextFloat()) * 1.2)),
      supervisionCapacity: rng.nextFloat() < 0.5 ? 0 : 1 + rng.nextInt(2),
    });
  }

  const workers: ProblemDocument['workers'] = Array.from({ length: options.workers }, (_, i) => {
    const level = rng.nextInt(5);
    const packages = PACKAGES.slice(Math.max(0, level - 2), level + 1).map((p) => p.id);
    const available: Interval[] = [];
    for (let d = 0; d < options.days; d++) {
      if (rng.nextFloat() < 0.45) {
        const from = HORIZON_START + d * DAY_MS + 7 * HOUR_MS;
        available.push({ start: toIso(from), end: toIso(from + (rng.nextFloat() < 0.5 ? 8.5 : 16.5) * HOUR_MS) });
      }
    }
    const unavailable: Interval[] = [];
    for (let k = rng.nextInt(3); k > 0; k--) {
      const from = HORIZON_START + rng.nextInt(options.days) * DAY_MS + rng.pick(SHIFT_TYPES)[0] * HOUR_MS;
      unavailable.push({ start: toIso(from), end: toIso(from + 8.5 * HOUR_MS) });
    }
    const prefs = organisations.filter(() => rng.nextFloat() < 0.3).map((o) => o.id);
    return {
      id: `w-${i + 1}`,
      lat: latOf(), lon: lonOf(),
      maxTravelKm: 8 + rng.nextInt(25),
      packages,
      ...(level >= 3 && { registrationExpires: toIso(HORIZON_START + between(rng, 0.5, 60) * options.days * DAY_MS / 10) }),
      ...(rng.nextFloat() < 0.25 && { newcomer: true }),
      ...(rng.nextFloat() < 0.5 && { available }),
      ...(unavailable.length > 0 && { unavailable }),
      ...(rng.nextFloat() < 0.7 && { maxMinutesPerWeek: 960 + 240 * rng.nextInt(9) }),
      ...(rng.nextFloat() < 0.7 && { desiredMinutes: 480 * (1 + rng.nextInt(Math.max(1, Math.round(options.days / 2)))) }),
      ...(rng.nextFloat() < 0.25 && { minShifts: 1 + rng.nextInt(3) }),
      ...(prefs.length > 0 && { preferredOrganisations: prefs }),
      hourlyCost: 20 + rng.nextInt(30),
    };
  });

  return {
    format: PROBLEM_FORMAT,
    id: `generated-${options.workers}w-${options.days}d-seed${options.seed}`,
    horizonStart: toIso(HORIZON_START),
    horizonEnd: toIso(HORIZON_START + options.days * DAY_MS),
    rules: { minRestMinutes: 660, maxMinutesPerWeek: 3600 },
    weights: { uncovered: 1000, travelKm: 1, unpreferred: 20, overDesired: 2, underMinimum: 200, cost: 1 },
    packages: PACKAGES,
    organisations,
    locations,
    shifts,
    workers,
  };
}
