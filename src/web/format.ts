// Formatting of dates, clock times and hours for the interface. Pure functions, easy to test.
import type { TLocale } from '../shared/common.schemas';
import type { TActivityPackage } from '../shared/packages.schemas';
import { intlLocale } from './i18n/i18n';

/** A calendar date (`2026-12-31`) as "31 december 2026" / "31 December 2026". */
export function formatDate(isoDate: string, locale: TLocale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Today's date in the browser's time zone, as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `fromIso` to `toIso` (both calendar dates); negative when in the past. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** Minute of the day (may exceed 24:00 for windows past midnight) as "HH:MM" on a 24-hour clock. */
export function formatClock(minute: number): string {
  const inDay = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}

/** "HH:MM" from an <input type="time"> to minutes; null when empty or malformed. */
export function parseClock(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Minutes as hours, with at most one decimal in the locale's style ("7,5" / "7.5"). */
export function formatHours(minutes: number, locale: TLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(minutes / 60);
}

export function formatNumber(value: number, locale: TLocale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** An activity package's name in the interface language. */
export function packageName(pkg: Pick<TActivityPackage, 'nameNl' | 'nameEn'>, locale: TLocale): string {
  return locale === 'nl' ? pkg.nameNl : pkg.nameEn;
}
