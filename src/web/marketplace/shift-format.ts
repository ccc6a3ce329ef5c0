// Shift times in the location's own time zone, and the why-not wording from `rule` + `params`.
import type { TRuleViolation } from '../../shared/assignments.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { intlLocale, type MessageKey, type Translate } from '../i18n/i18n';

/** The zone times are shown in when the region's is not known (yet): the Netherlands and Flanders share it. */
export const DEFAULT_ZONE = 'Europe/Amsterdam';

type Parts = { weekday: string; day: string; month: string; time: string; date: string };

function parts(instant: string, timeZone: string, locale: TLocale): Parts {
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const get = (type: string) => format.formatToParts(new Date(instant)).find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').replace(/\.$/, '');
  return { weekday, day: get('day'), month: get('month').replace(/\.$/, ''), time: `${get('hour')}:${get('minute')}`, date: localDate(instant, timeZone) };
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(instant));
}

/** "di 24 nov" — the day a shift starts, in the location's zone. */
export function formatShiftDay(start: string, timeZone: string, locale: TLocale): string {
  const p = parts(start, timeZone, locale);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "07:00 – 15:00", or across midnight "di 22:00 – wo 07:00". */
export function formatShiftTimes(start: string, end: string, timeZone: string, locale: TLocale): string {
  const a = parts(start, timeZone, locale);
  const b = parts(end, timeZone, locale);
  if (a.date === b.date) return `${a.time} – ${b.time}`;
  return `${a.weekday} ${a.time} – ${b.weekday} ${b.time}`;
}

/** "di 24 nov 07:00 – 15:00" or "di 24 nov 22:00 – wo 07:00". */
export function formatShiftWhen(start: string, end: string, timeZone: string, locale: TLocale): string {
  const a = parts(start, timeZone, locale);
  const b = parts(end, timeZone, locale);
  if (a.date === b.date) return `${a.weekday} ${a.day} ${a.month} ${a.time} – ${b.time}`;
  return `${a.weekday} ${a.day} ${a.month} ${a.time} – ${b.weekday} ${b.time}`;
}

/** A moment as "di 24 nov 07:00" in a zone. */
export function formatMoment(instant: string, timeZone: string, locale: TLocale): string {
  const p = parts(instant, timeZone, locale);
  return `${p.weekday} ${p.day} ${p.month} ${p.time}`;
}

/** Minutes as "8 u" / "8 h 30 min". */
export function formatDuration(minutes: number, t: Translate): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return m ? t('marketplace.durationMin', { h, m }) : t('marketplace.duration', { h });
}

/** A wall-clock date and time in a zone (`2026-11-24`, `22:00`) as an ISO instant with offset Z. */
export function zonedToInstant(date: string, time: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  // The zone's offset at the guess, applied twice to settle around changes of summer time.
  const offsetAt = (ms: number) => {
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(ms));
    const v = (type: string) => Number(local.find((p) => p.type === type)?.value);
    return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second')) - ms;
  };
  let instant = guess - offsetAt(guess);
  instant = guess - offsetAt(instant);
  return new Date(instant).toISOString();
}

export type WhyNotContext = {
  locale: TLocale;
  /** The shift's package name, for the package rule. */
  packageName?: string;
  /** The worker's other shifts, to name the one next to which rest is short. */
  otherShifts?: { id: string; start: string; end: string; timeZone: string }[];
  /** The shift being judged (its start tells before from after). */
  shiftStart?: string;
};

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** One sentence in the interface language for a rule the worker does not meet. */
export function whyNotText(violation: Pick<TRuleViolation, 'rule' | 'params'>, t: Translate, context: WhyNotContext): string {
  const p = violation.params ?? {};
  const { locale } = context;
  const km = (value: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value);
  switch (violation.rule) {
    case 'package':
      return context.packageName ? t('marketplace.rule.package', { package: context.packageName }) : t('marketplace.rule.packageGeneric');
    case 'registration': {
      const expires = num(p.registrationExpires);
      if (expires === null) return t('marketplace.rule.registrationMissing');
      // The registration is valid through the day before `registrationExpires` (exclusive end).
      const date = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(expires - 1));
      return t('marketplace.rule.registrationExpires', { date });
    }
    case 'availability':
      return t('marketplace.rule.availability');
    case 'unavailable':
      return t('marketplace.rule.unavailable');
    case 'travel': {
      const distance = num(p.distanceKm);
      const max = num(p.maxTravelKm);
      return distance === null || max === null ? t('marketplace.rule.travelGeneric') : t('marketplace.rule.travel', { km: km(distance), max: km(max) });
    }
    case 'rest': {
      const rest = num(p.restMinutes);
      const min = num(p.minRestMinutes);
      if (rest === null || min === null) return t('marketplace.rule.restGeneric');
      const vars = { rest: formatDuration(Math.max(0, rest), t), min: formatDuration(min, t) };
      const other = context.otherShifts?.find((s) => s.id === p.otherShiftId);
      if (!other) return t('marketplace.rule.rest', vars);
      const shift = otherShiftName(other, locale);
      const isBefore = context.shiftStart !== undefined && Date.parse(other.start) > Date.parse(context.shiftStart);
      return t(isBefore ? 'marketplace.rule.restBefore' : 'marketplace.rule.restAfter', { ...vars, shift });
    }
    case 'overlap':
      return t('marketplace.rule.overlap');
    case 'weeklyHours': {
      const minutes = num(p.minutes);
      const cap = num(p.capMinutes);
      return minutes === null || cap === null ? t('marketplace.rule.weeklyHoursGeneric') : t('marketplace.rule.weeklyHours', { hours: formatDuration(minutes, t), cap: formatDuration(cap, t) });
    }
    case 'demand':
      return t('marketplace.rule.demand');
    case 'supervision':
      return t('marketplace.rule.supervision');
  }
}

/** "Tuesday night" / "dinsdagnacht" for a night shift, else "Tuesday 07:00" / "dinsdag 07:00". */
function otherShiftName(shift: { start: string; end: string; timeZone: string }, locale: TLocale): string {
  const weekday = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: shift.timeZone }).format(new Date(shift.start));
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: shift.timeZone }).format(new Date(shift.start)));
  const crossesMidnight = localDate(shift.start, shift.timeZone) !== localDate(shift.end, shift.timeZone);
  if (crossesMidnight && hour >= 18) return locale === 'nl' ? `${weekday}nacht` : `${weekday} night`;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: shift.timeZone }).format(new Date(shift.start));
  return `${weekday} ${time}`;
}

export const statusKey = (status: string) => `marketplace.status.${status}` as MessageKey;
