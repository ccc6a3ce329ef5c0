// A worker's weekly availability as UTC windows over a horizon, as planning/worker-facts.ts
// toWorkerEntry expands it (the same days, the same atLocalMinute), with the zone arithmetic
// memoised per process: a local day's start, its weekday and the next day per (zone, day), and each
// clock time per (zone, day, minute). Luxon asks Intl for the zone's offset on most operations, which
// made the expansion the largest part of a rule check (docs/benchmarks.md); the days and the clock
// times repeat across workers and requests, so after the first requests it is all lookups.
import { DateTime } from 'luxon';
import { atLocalMinute, toWorkerEntry, type WorkerEntryWithProfile, type WorkerFacts } from '../planning/worker-facts.js';

type Day = { at: DateTime; weekday: number; next?: Day; clock: Map<number, string> };

/** Per zone: the days by their start (ms), the first day of a horizon by the horizon's start (ms). */
const zones = new Map<string, { days: Map<number, Day>; firstDays: Map<number, Day> }>();
/** Memoised days and clock times are few (weeks × distinct clock times); forget all beyond this. */
const MAX_ENTRIES = 200_000;
let entries = 0;

function zoneOf(timeZone: string) {
  let zone = zones.get(timeZone);
  if (!zone || entries > MAX_ENTRIES) {
    if (entries > MAX_ENTRIES) {
      zones.clear();
      entries = 0;
    }
    zones.set(timeZone, (zone = { days: new Map(), firstDays: new Map() }));
  }
  return zone;
}

function dayOf(zone: { days: Map<number, Day> }, at: DateTime): Day {
  const ms = at.toMillis();
  let day = zone.days.get(ms);
  if (!day) {
    zone.days.set(ms, (day = { at, weekday: at.weekday, clock: new Map() }));
    entries++;
  }
  return day;
}

function clockOf(day: Day, minute: number): string {
  let iso = day.clock.get(minute);
  if (iso === undefined) {
    day.clock.set(minute, (iso = new Date(atLocalMinute(day.at, minute).toMillis()).toISOString()));
    entries++;
  }
  return iso;
}

/** The weekly windows over the horizon, in toWorkerEntry's order (day by day, then as listed). */
export function weeklyWindows(weekly: WorkerFacts['weekly'], horizon: { from: Date; to: Date; timeZone: string }): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  if (weekly.length === 0) return out;
  const zone = zoneOf(horizon.timeZone);
  let first = zone.firstDays.get(horizon.from.getTime());
  if (!first) {
    first = dayOf(zone, DateTime.fromJSDate(horizon.from, { zone: horizon.timeZone }).startOf('day').minus({ days: 1 }));
    zone.firstDays.set(horizon.from.getTime(), first);
    entries++;
  }
  const last = horizon.to.getTime();
  for (let day = first; day.at.toMillis() < last; day = day.next ??= dayOf(zone, day.at.plus({ days: 1 }))) {
    for (const window of weekly) {
      if (window.weekday === day.weekday) out.push({ start: clockOf(day, window.startMinute), end: clockOf(day, window.endMinute) });
    }
  }
  return out;
}

/** toWorkerEntry's result, with the weekly windows from the memoised expansion. */
export function workerEntry(
  w: WorkerFacts,
  horizon: { from: Date; to: Date; timeZone: string },
  options: { packageIds?: Set<string>; organisationIds?: Set<string>; weeks?: number } = {},
): WorkerEntryWithProfile {
  if (w.weekly.length === 0) return toWorkerEntry(w, horizon, options);
  // Without weekly windows toWorkerEntry lists the dated ones only (after where the weekly ones go).
  const entry = toWorkerEntry({ ...w, weekly: [] }, horizon, options);
  const { available: dated, ...rest } = entry;
  return { ...rest, available: [...weeklyWindows(w.weekly, horizon), ...(dated ?? [])] };
}
