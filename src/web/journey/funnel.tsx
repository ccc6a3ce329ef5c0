// Funnel figures per region for a cohort of registrations (period, optionally one organisation):
// how many got a welcome call, were offered, accepted, started and stayed; the median time between
// the steps; and the same figures as a CSV download.
import { useState } from 'react';
import type { TFunnel } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Field, Loading, SelectField, Stat } from '../components/ui';
import { formatNumber, todayIso } from '../format';
import { dictionaries, useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { listOrganisations } from '../requests';
import { Link } from '../router';
import { mediatedRegionIds, useMe } from '../session';
import { useLoad } from '../use-load';
import { formatAge } from '../mediation/explain';
import { funnelCsvUrl, getFunnel, type FunnelQuery } from './requests';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Share of `part` in `whole` as "40 %", or "—" when there is no whole. */
export function share(part: number, whole: number, locale: 'nl' | 'en'): string {
  if (whole <= 0) return '—';
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

export function FunnelPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const regionId = mediatedRegionIds(me)[0];
  const today = todayIso();
  const [from, setFrom] = useState(addDays(today, -90));
  // The API's `to` is exclusive: the form shows the last day included.
  const [through, setThrough] = useState(today);
  const [organisationId, setOrganisationId] = useState('');
  const organisations = useLoad(() => (regionId ? listOrganisations(regionId) : Promise.resolve([])), [regionId]);
  const params: FunnelQuery = { from, to: addDays(through, 1), ...(organisationId ? { organisationId } : {}) };
  const isValid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(through) && through >= from;
  const funnel = useLoad(() => (regionId && isValid ? getFunnel(regionId, params) : Promise.resolve(null)), [regionId, from, through, organisationId]);
  if (!regionId) return <p className="alert alert-info">{t('region.noRegion')}</p>;
  return (
    <section className="page mediation-page" data-testid="funnel-page">
      <p>
        <Link to="/mediation">← {t('mediation.workspace.title')}</Link>
      </p>
      <h1>{t('journey.funnel.title')}</h1>
      <p className="lead">{t('journey.funnel.intro')}</p>
      <div className="form-row">
        <Field label={t('mediation.requestForm.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} testId="funnel-from" />
        <Field label={t('mediation.requestForm.to')} type="date" value={through} onChange={(e) => setThrough(e.target.value)} error={isValid ? undefined : t('mediation.requestForm.toAfterFrom')} testId="funnel-to" />
      </div>
      <SelectField label={t('mediation.request.organisation')} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} testId="funnel-organisation">
          <option value="">{t('journey.funnel.allOrganisations')}</option>
          {organisations.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      {isValid && (
        <p>
          <a className="button button-secondary" href={funnelCsvUrl(regionId, { ...params, locale })} download data-testid="funnel-csv">
            {t('journey.funnel.csv')}
          </a>
        </p>
      )}
      {funnel.error !== null && <ErrorMessage error={funnel.error} onRetry={funnel.reload} />}
      {funnel.isLoading && !funnel.data && <Loading />}
      {funnel.data && <FunnelFigures funnel={funnel.data} />}
    </section>
  );
}

/** A funnel milestone by name; one the dictionary does not know is shown as the API names it. */
function milestoneName(name: string, t: Translate): string {
  const key = `journey.milestone.${name}`;
  return key in dictionaries.nl ? t(key as MessageKey) : name;
}

export function FunnelFigures({ funnel }: { funnel: TFunnel }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const steps: { key: MessageKey; value: number; of: number; testId: string }[] = [
    { key: 'journey.funnel.registrations', value: funnel.registrations, of: funnel.registrations, testId: 'funnel-registrations' },
    { key: 'journey.funnel.welcomeCalls', value: funnel.welcomeCalls, of: funnel.registrations, testId: 'funnel-welcome-calls' },
    { key: 'journey.funnel.offeredPeople', value: funnel.offeredPeople, of: funnel.registrations, testId: 'funnel-offered' },
    { key: 'journey.funnel.acceptedPeople', value: funnel.acceptedPeople, of: funnel.registrations, testId: 'funnel-accepted' },
    { key: 'journey.funnel.started', value: funnel.started, of: funnel.registrations, testId: 'funnel-started' },
  ];
  return (
    <>
      <dl className="stats stats-wide" data-testid="funnel-figures">
        {steps.map((s) => (
          <Stat key={s.key} label={t(s.key)} value={`${n(s.value)}${s.key === 'journey.funnel.registrations' ? '' : ` (${share(s.value, s.of, locale)})`}`} testId={s.testId} />
        ))}
        <Stat label={t('journey.funnel.offers')} value={n(funnel.offers)} testId="funnel-offers" />
        <Stat
          label={t('journey.funnel.active3m')}
          value={funnel.threeMonthsDue > 0 ? `${n(funnel.activeAfter3Months)} / ${n(funnel.threeMonthsDue)}` : '—'}
          testId="funnel-active"
        />
      </dl>
      <Card title={t('journey.funnel.medians')} testId="funnel-medians">
        <ul className="score-parts">
          {funnel.medians.map((m) => (
            <li key={`${m.from}-${m.to}`} data-testid="funnel-median">
              <span className="part-name">
                {milestoneName(m.from, t)} → {milestoneName(m.to, t)}
              </span>
              <span className="part-points">{m.medianHours === null ? '—' : formatAge(m.medianHours, t)}</span>
              <span className="part-reason">{t('journey.funnel.people', { count: n(m.count) })}</span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
