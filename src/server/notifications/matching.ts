// Which workers a new shift suits: the right activity package, within their travel radius
// (straight-line distance from home), and available at that time. Pure, so it is unit tested
// and fast: shifts × workers in memory after one query for each kind of fact.
import { DateTime } from 'luxon';

export type MatchShift = {
  id: string;
  regionId: string;
  packageId: string;
  lat: number;
  lon: number;
  start: Date;
  end: Date;
};

export type MatchWorker = {
  id: string;
  userId: string;
  regionId: string;
  /** IANA zone of the worker's region: weekly availability is local time there. */
  timeZone: string;
  packageIds: string[];
  homeLat: number;
  homeLon: number;
  maxTravelKm: number;
  /** weekday 1 = Monday … 7 = Sunday; endMinute may pass 1440. Empty (and no dated availability ever) = available any time. */
  weekly: { weekday: number; startMinute: number; endMinute: number }[];
  /** Whether the worker ever stated dated availability: then, as in the rules (planning/worker-facts.ts), only stated times count. */
  hasDatedAvailability: boolean;
  exceptions: { isAvailable: boolean; start: Date; end: Date }[];
};

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;
const covers = (outer: { start: Date; end: Date }, inner: { start: Date; end: Date }) => outer.start <= inner.start && inner.end <= outer.end;

/** A shift in local wall-clock terms: weekday of its start, minutes from that day's midnight. */
export type LocalTimes = { weekday: number; startMinute: number; endMinute: number };

export function toLocalTimes(shift: Pick<MatchShift, 'start' | 'end'>, timeZone: string): LocalTimes {
  const start = DateTime.fromJSDate(shift.start, { zone: timeZone });
  // Minutes from local midnight of the start day, so a night shift ends past 1440.
  const endMinute = Math.round(DateTime.fromJSDate(shift.end, { zone: timeZone }).diff(start.startOf('day'), 'minutes').minutes);
  return { weekday: start.weekday, startMinute: start.hour * 60 + start.minute, endMinute };
}

/** Whether one weekly window covers the shift, counting windows that run past midnight. */
function isInWeeklyWindow(worker: MatchWorker, local: LocalTimes): boolean {
  if (worker.weekly.length === 0) return !worker.hasDatedAvailability;
  const previousWeekday = local.weekday === 1 ? 7 : local.weekday - 1;
  // A plain loop: this runs for every (shift, worker) pair of a large posting.
  for (const w of worker.weekly) {
    if (w.weekday === local.weekday && w.startMinute <= local.startMinute && local.endMinute <= w.endMinute) return true;
    if (w.weekday === previousWeekday && w.startMinute <= local.startMinute + 1440 && local.endMinute + 1440 <= w.endMinute) return true;
  }
  return false;
}

export function isAvailable(worker: MatchWorker, shift: MatchShift, local: LocalTimes = toLocalTimes(shift, worker.timeZone)): boolean {
  if (worker.exceptions.length) {
    if (worker.exceptions.some((e) => !e.isAvailable && overlaps(e, shift))) return false;
    if (worker.exceptions.some((e) => e.isAvailable && covers(e, shift))) return true;
  }
  return isInWeeklyWindow(worker, local);
}

export function isMatch(worker: MatchWorker, shift: MatchShift, local?: LocalTimes): boolean {
  return (
    worker.regionId === shift.regionId &&
    worker.packageIds.includes(shift.packageId) &&
    isAvailable(worker, shift, local) &&
    haversineKm(worker.homeLat, worker.homeLon, shift.lat, shift.lon) <= worker.maxTravelKm
  );
}

/** For each worker with at least one suitable shift: the ids of those shifts, in the given order. */
export function matchShiftsToWorkers(shifts: MatchShift[], workers: MatchWorker[]): Map<MatchWorker, string[]> {
  const byPackage = new Map<string, MatchWorker[]>();
  for (const worker of workers) {
    for (const packageId of worker.packageIds) {
      const list = byPackage.get(packageId) ?? [];
      list.push(worker);
      byPackage.set(packageId, list);
    }
  }
  const result = new Map<MatchWorker, string[]>();
  for (const shift of shifts) {
    // Date arithmetic in a zone is slow; do it once per shift and zone, not once per worker.
    const localByZone = new Map<string, LocalTimes>();
    const localIn = (zone: string) => {
      let local = localByZone.get(zone);
      if (!local) {
        local = toLocalTimes(shift, zone);
        localByZone.set(zone, local);
      }
      return local;
    };
    for (const worker of byPackage.get(shift.packageId) ?? []) {
      if (!isMatch(worker, shift, localIn(worker.timeZone))) continue;
      const list = result.get(worker) ?? [];
      list.push(shift.id);
      result.set(worker, list);
    }
  }
  return result;
}
