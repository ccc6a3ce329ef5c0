// "Open shifts for me": the shifts a worker may take, best first, with filters; shifts they may
// not take can be opened to see why not, each reason in the interface language.
import { useState } from 'react';
import type { TOpenShiftForMe, TRuleViolation } from '../../shared/assignments.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TOrganisation } from '../../shared/organisations.schemas';
import { ApiError } from '../api';
import { ErrorMessage, Field, Loading, SelectField } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { listOrganisations, listPackages } from '../requests';
import { useLoad } from '../use-load';
import { claimShift, listMyShifts, listOpenShiftsForMe, whyNot, type OpenShiftsQuery } from './requests';
import { formatShiftDay, formatShiftTimes, whyNotText, type WhyNotContext } from './shift-format';

type OtherShift = NonNullable<WhyNotContext['otherShifts']>[number];

export function WhyNotList({ violations, context, testId = 'why-not' }: { violations: Pick<TRuleViolation, 'rule' | 'params'>[]; context: Omit<WhyNotContext, 'locale'>; testId?: string }) {
  const { t, locale } = useI18n();
  return (
    <ul className="why-not" data-testid={testId}>
      {violations.map((v, i) => (
        <li key={`${v.rule}-${i}`} data-rule={v.rule}>
          {whyNotText(v, t, { ...context, locale })}
        </li>
      ))}
    </ul>
  );
}

type ClaimOutcome = { kind: 'claimed'; status: string } | { kind: 'refused'; violations: Pick<TRuleViolation, 'rule' | 'params'>[] } | { kind: 'error'; error: unknown };

/** Claims a shift; a refusal comes back as the rules broken (with their numbers when the why-not endpoint gives them). */
export async function claimWithReasons(shiftId: string): Promise<ClaimOutcome> {
  try {
    const assignment = await claimShift(shiftId);
    return { kind: 'claimed', status: assignment.status };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_ELIGIBLE') {
      const fromIssues = error.issues.map((issue) => ({ rule: issue.path as TRuleViolation['rule'], params: {} }));
      try {
        const detailed = await whyNot(shiftId);
        return { kind: 'refused', violations: detailed.length > 0 ? detailed : fromIssues };
      } catch {
        return { kind: 'refused', violations: fromIssues };
      }
    }
    return { kind: 'error', error };
  }
}

export function OpenShiftCard({
  shift,
  packages,
  otherShifts = [],
  onClaim = claimWithReasons,
  onClaimed,
}: {
  shift: TOpenShiftForMe;
  packages: TActivityPackage[];
  otherShifts?: OtherShift[];
  onClaim?: (shiftId: string) => Promise<ClaimOutcome>;
  onClaimed?: () => void;
}) {
  const { t, locale } = useI18n();
  const [isOpen, setIsOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [outcome, setOutcome] = useState<ClaimOutcome | null>(null);
  const pkg = packages.find((p) => p.id === shift.packageId);
  const pkgName = pkg ? packageName(pkg, locale) : shift.packageCode;
  const context = { packageName: pkgName, otherShifts, shiftStart: shift.start };
  const placesLeft = Math.max(0, shift.places - shift.filled);
  const claim = async () => {
    setIsBusy(true);
    const result = await onClaim(shift.id);
    setIsBusy(false);
    setOutcome(result);
    if (result.kind === 'claimed') onClaimed?.();
  };
  // After a claim (taken or refused) the button goes: the outcome says what happens next.
  const isClaimed = outcome?.kind === 'claimed' || outcome?.kind === 'refused';
  return (
    <li className={`shift-card ${shift.isEligible ? '' : 'shift-card-ineligible'}`} data-testid="open-shift" data-shift-id={shift.id}>
      <div className="shift-when">
        <span className="shift-day">{formatShiftDay(shift.start, shift.timeZone, locale)}</span>
        <span className="shift-times" data-testid="shift-times">
          {formatShiftTimes(shift.start, shift.end, shift.timeZone, locale)}
        </span>
      </div>
      <div className="shift-body">
        <p className="shift-title">{pkgName}</p>
        <p className="shift-where">
          {shift.organisationName} · {shift.locationName}
        </p>
        <p className="shift-meta">
          <span>{t('marketplace.distance', { km: new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(shift.distanceKm) })}</span>
          <span>{t('marketplace.placesLeft', { count: placesLeft })}</span>
          {shift.isPreferred && <span className="badge badge-verified">{t('marketplace.preferred')}</span>}
        </p>
        {shift.notes && (
          <p className="shift-notes">
            <span className="visually-hidden">{t('marketplace.notes')}: </span>
            {shift.notes}
          </p>
        )}
        {outcome?.kind === 'claimed' && (
          <p className="alert alert-success" role="status" data-testid="claim-result">
            {t(outcome.status === 'confirmed' ? 'marketplace.claimed.confirmed' : 'marketplace.claimed.pending')}
          </p>
        )}
        {outcome?.kind === 'refused' && (
          <div className="alert alert-error" role="alert" data-testid="claim-error">
            <p>{t('marketplace.claimFailed')}</p>
            <WhyNotList violations={outcome.violations} context={context} testId="claim-why-not" />
          </div>
        )}
        {outcome?.kind === 'error' && <ErrorMessage error={outcome.error} testId="claim-error" />}
        {shift.isEligible ? (
          !isClaimed && (
            <button type="button" className="button button-primary shift-action" data-testid="claim" disabled={isBusy} onClick={() => void claim()}>
              {t('marketplace.claim')}
            </button>
          )
        ) : (
          <div className="why-not-box">
            <button type="button" className="button button-secondary shift-action" aria-expanded={isOpen} data-testid="why-not-toggle" onClick={() => setIsOpen(!isOpen)}>
              {t('marketplace.whyNot')}
            </button>
            {isOpen && <WhyNotList violations={shift.violations} context={context} />}
          </div>
        )}
      </div>
    </li>
  );
}

type Filters = { sort: NonNullable<OpenShiftsQuery['sort']>; packageId: string; organisationId: string; maxDistanceKm: string; from: string; to: string; includeIneligible: boolean };

const toInstant = (date: string, endOfDay = false) => (date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}`).toISOString() : undefined);

export function OpenShiftsPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<Filters>({ sort: 'suggested', packageId: '', organisationId: '', maxDistanceKm: '', from: '', to: '', includeIneligible: true });
  const lists = useLoad(() => Promise.all([listPackages(), listOrganisations(), listMyShifts('live')]), []);
  const shifts = useLoad(
    () =>
      listOpenShiftsForMe({
        sort: filters.sort,
        includeIneligible: filters.includeIneligible,
        packageId: filters.packageId || undefined,
        organisationId: filters.organisationId || undefined,
        maxDistanceKm: filters.maxDistanceKm ? Number(filters.maxDistanceKm) : undefined,
        from: toInstant(filters.from),
        to: toInstant(filters.to, true),
      }),
    [JSON.stringify(filters)],
  );
  const [packages, organisations, mine] = lists.data ?? [[] as TActivityPackage[], [] as TOrganisation[], []];
  const otherShifts = mine.map((m) => ({ id: m.shift.id, start: m.shift.start, end: m.shift.end, timeZone: m.shift.timeZone }));
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  return (
    <section className="page market-page" data-testid="open-shifts-page">
      <h1>{t('marketplace.openShiftsForMe')}</h1>
      <details className="filters card">
        <summary>{t('marketplace.filters')}</summary>
        <div className="filter-grid">
          <SelectField label={t('marketplace.sort')} value={filters.sort} testId="filter-sort" onChange={(e) => set({ sort: e.target.value as Filters['sort'] })}>
            {(['suggested', 'soonest', 'nearest'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`marketplace.sort.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('marketplace.filter.package')} value={filters.packageId} testId="filter-package" onChange={(e) => set({ packageId: e.target.value })}>
            <option value="">{t('marketplace.filter.all')}</option>
            {packages.map((p) => (
              <option key={p.id} value={p.id}>
                {packageName(p, locale)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('marketplace.filter.organisation')} value={filters.organisationId} testId="filter-organisation" onChange={(e) => set({ organisationId: e.target.value })}>
            <option value="">{t('marketplace.filter.all')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <Field label={t('marketplace.filter.distance')} type="number" min={0} max={500} inputMode="numeric" value={filters.maxDistanceKm} testId="filter-distance" onChange={(e) => set({ maxDistanceKm: e.target.value })} />
          <Field label={t('marketplace.filter.from')} type="date" value={filters.from} testId="filter-from" onChange={(e) => set({ from: e.target.value })} />
          <Field label={t('marketplace.filter.to')} type="date" value={filters.to} testId="filter-to" onChange={(e) => set({ to: e.target.value })} />
        </div>
        <label className="check">
          <input type="checkbox" checked={filters.includeIneligible} data-testid="filter-ineligible" onChange={(e) => set({ includeIneligible: e.target.checked })} />
          {t('marketplace.filter.showIneligible')}
        </label>
      </details>
      {shifts.error !== null && <ErrorMessage error={shifts.error} onRetry={shifts.reload} />}
      {lists.error !== null && <ErrorMessage error={lists.error} onRetry={lists.reload} />}
      {shifts.isLoading && !shifts.data && <Loading />}
      {shifts.data && shifts.data.length === 0 && (
        <p className="alert alert-info" data-testid="open-shifts-list">
          {t('marketplace.noOpenShifts')}
        </p>
      )}
      {shifts.data && shifts.data.length > 0 && (
        <ul className="shift-list" aria-busy={shifts.isLoading} data-testid="open-shifts-list">
          {shifts.data.map((shift) => (
            <OpenShiftCard key={shift.id} shift={shift} packages={packages} otherShifts={otherShifts} onClaimed={lists.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
