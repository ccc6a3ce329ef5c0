// Pure wording for mediation: a score part's reason, a queue item's age, a ruled-out group.
import type { TScorePart } from '../../shared/mediation.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { intlLocale, type MessageKey, type Translate } from '../i18n/i18n';
import { DEFAULT_ZONE } from '../marketplace/shift-format';
import { whyNobody } from '../planning/explain';

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Competence keys ("a,b") as labels (the key when no label is known). */
const keyList = (value: unknown, labelOf: (key: string) => string) =>
  (typeof value === 'string' ? value.split(',').filter(Boolean) : []).map(labelOf).join(', ');

/**
 * The reason behind one score part, in the interface language, from its numbers (the server's
 * sentence is English). `labelOf` names a competence key (the request's labels, when known).
 */
export function partReason(part: Pick<TScorePart, 'part' | 'params'>, t: Translate, locale: TLocale, labelOf: (key: string) => string = (key) => key): string {
  const p = part.params;
  const decimal = (value: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value);
  switch (part.part) {
    case 'packageFit':
      return t('mediation.reason.packageFit', { held: num(p.held), asked: num(p.asked) });
    case 'competences': {
      if (!num(p.wished)) return num(p.required) ? t('mediation.reason.requiredOnly', { required: num(p.required) }) : t('mediation.reason.noCompetences');
      const held = t('mediation.reason.competences', { held: num(p.held), wished: num(p.wished), confirmed: num(p.confirmed) });
      const lacks = keyList(p.missingKeys, labelOf);
      return lacks ? `${held}; ${t('mediation.reason.competencesLacks', { list: lacks })}` : held;
    }
    case 'distance':
      return t('mediation.reason.distance', { km: decimal(num(p.distanceKm)), max: decimal(num(p.maxTravelKm)) });
    case 'availability':
      return t(num(p.statedWindows) ? 'mediation.reason.availability' : 'mediation.reason.noWindows');
    case 'preference':
      return t(num(p.prefers) ? 'mediation.reason.prefers' : num(p.hasPreferences) ? 'mediation.reason.prefersOther' : 'mediation.reason.noPreference');
    case 'continuity':
      return t('mediation.reason.continuity', { shifts: num(p.shifts) });
    case 'fairness':
      return t('mediation.reason.fairness', { hours: decimal(num(p.hours)) });
    case 'reservistProgress':
      return p.minDays === null || p.minDays === undefined
        ? t('mediation.reason.noMinimum')
        : t('mediation.reason.reservist', { days: num(p.days), min: num(p.minDays) });
  }
}

export const partName = (part: TScorePart['part']) => `mediation.part.${part}` as MessageKey;

/** "40 min", "5 uur", "2 dagen 3 uur": how long an item has waited. */
export function formatAge(hours: number, t: Translate): string {
  if (hours < 1) return t('mediation.age.minutes', { minutes: Math.max(0, Math.round(hours * 60)) });
  const whole = Math.floor(hours);
  if (whole < 48) return t('mediation.age.hours', { hours: whole });
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return rest === 0 ? t('mediation.age.days', { days }) : t('mediation.age.daysHours', { days, hours: rest });
}

/** "3 missen het pakket": one ruled-out group in the planning page's words (a missing competence in the ranking's own). */
export const ruledOutText = (rule: string, count: number, t: Translate, locale: TLocale) =>
  rule === 'competence'
    ? t('mediation.ruledOut.competence', { count: new Intl.NumberFormat(intlLocale(locale)).format(count) })
    : whyNobody({ [rule]: count }, t, (n) => new Intl.NumberFormat(intlLocale(locale)).format(n));

/** "dementiezorg, sondevoeding" from a competence violation's `missing` parameter, as labels. */
export const missingText = (missing: unknown, t: Translate, labelOf: (key: string) => string = (key) => key) => t('mediation.ruledOut.missing', { list: keyList(missing, labelOf) });

/** A period as "3 maart – 2 juni 2027" in the location's zone; the end is exclusive (midnight after the last day). */
export function formatPeriod(start: string, end: string, locale: TLocale, timeZone = DEFAULT_ZONE): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return format.formatRange(new Date(start), new Date(Math.max(Date.parse(start), Date.parse(end) - 1)));
}

/** Points and kilometres with at most one decimal. */
export const formatScore = (value: number, locale: TLocale) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value);
