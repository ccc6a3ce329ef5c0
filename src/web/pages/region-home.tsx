// Coordinators and mediators: their region's summary, organisations and worker pool.
// Admins reach the same overview for any region at /regions/:id.
import { useState } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TRegionRules, TRegionSummary } from '../../shared/regions.schemas';
import { ZWorkerKind } from '../../shared/workers.schemas';
import { Card, ErrorMessage, Loading, Stat } from '../components/ui';
import { formatHours, formatNumber } from '../format';
import { useI18n, weekdayName } from '../i18n/i18n';
import { getRegion, listOrganisations } from '../requests';
import { Link } from '../router';
import { canManageRegion, mediatedRegionIds, useMe } from '../session';
import { useLoad } from '../use-load';
import { RulesForm } from './rules-form';
import { WorkerPool } from './worker-pool';
import { PlanningLink } from '../planning/planning-link';
import { MediationLink } from '../mediation/routes';
import { CatalogueLink } from '../competences/routes';
import { RecentRuns } from '../planning/planning-page';

export function RegionHome({ me }: { me: TMe }) {
  const { t } = useI18n();
  const regionIds = mediatedRegionIds(me);
  return (
    <section className="page" data-testid="region-home">
      {regionIds.length === 0 && <p className="alert alert-info">{t('region.noRegion')}</p>}
      {regionIds.map((regionId) => (
        <RegionOverview key={regionId} regionId={regionId} />
      ))}
    </section>
  );
}

export function RegionPage({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="region-page">
      <p>
        <Link to="/">← {t('profile.back')}</Link>
      </p>
      <RegionOverview regionId={regionId} />
    </section>
  );
}

function RegionOverview({ regionId }: { regionId: string }) {
  const loaded = useLoad(() => getRegion(regionId), [regionId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const region = loaded.data;
  return (
    <div className="region" data-testid="region-overview">
      <RegionSummary region={region} onRulesSaved={(rules) => loaded.setData({ ...region, rules })} />
      <RegionPlanningRuns regionId={region.id} />
      <OrganisationList regionId={region.id} />
      <WorkerPool regionId={region.id} />
    </div>
  );
}

/** Coordinators (and admins) see the region's latest auto-planning runs. */
function RegionPlanningRuns({ regionId }: { regionId: string }) {
  const me = useMe();
  if (!canManageRegion(me, regionId)) return null;
  return (
    <div className="region-runs">
      <RecentRuns regionId={regionId} limit={3} />
    </div>
  );
}

export function RegionSummary({ region, onRulesSaved }: { region: TRegionSummary; onRulesSaved: (rules: TRegionRules) => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [isEditingRules, setIsEditingRules] = useState(false);
  const [isRulesSaved, setIsRulesSaved] = useState(false);
  const n = (value: number) => formatNumber(value, locale);
  const hours = (minutes: number) => t('worker.hoursValue', { hours: formatHours(minutes, locale) });
  return (
    <>
      <h1 data-testid="region-name">{t('region.title', { name: region.name.replace(/^Regio\s+/i, '') })}</h1>
      <PlanningLink />
      <MediationLink />
      <CatalogueLink regionId={region.id} />
      <p className="muted">{t(`region.country.${region.country}`)}</p>
      <dl className="stats stats-wide" data-testid="region-summary">
        <Stat label={t('region.organisations')} value={n(region.organisationCount)} testId="stat-organisations" />
        <Stat label={t('region.locations')} value={n(region.locationCount)} testId="stat-locations" />
        <Stat label={t('region.workers')} value={n(region.workerCount)} testId="stat-workers" />
        <Stat label={t('region.openShifts')} value={n(region.openShiftCount)} testId="stat-open-shifts" />
        <Stat
          label={t('region.expiring')}
          value={n(region.expiringRegistrations)}
          tone={region.expiringRegistrations > 0 ? 'warning' : 'normal'}
          testId="stat-expiring"
        />
      </dl>
      <div className="grid grid-2">
        <Card title={t('region.workersByKind')} testId="workers-by-kind">
          <dl className="facts">
            {ZWorkerKind.options.map((kind) => (
              <div key={kind}>
                <dt>{t(`kind.${kind}`)}</dt>
                <dd>{n(region.workersByKind[kind] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t('region.rules')} testId="region-rules">
          {isRulesSaved && (
            <p className="alert alert-success" role="status" data-testid="rules-saved">
              {t('region.rules.saved')}
            </p>
          )}
          {isEditingRules ? (
            <RulesForm
              regionId={region.id}
              rules={region.rules}
              onCancel={() => setIsEditingRules(false)}
              onSaved={(saved) => {
                onRulesSaved(saved.rules);
                setIsEditingRules(false);
                setIsRulesSaved(true);
              }}
            />
          ) : (
            <>
              <dl className="facts">
                <div>
                  <dt>{t('region.rules.minRest')}</dt>
                  <dd data-testid="rule-min-rest">{hours(region.rules.minRestMinutes)}</dd>
                </div>
                <div>
                  <dt>{t('region.rules.maxShift')}</dt>
                  <dd>{hours(region.rules.maxShiftMinutes)}</dd>
                </div>
                <div>
                  <dt>{t('region.rules.maxWeek')}</dt>
                  <dd>{hours(region.rules.maxMinutesPerWeek)}</dd>
                </div>
                <div>
                  <dt>{t('region.rules.weekStart')}</dt>
                  <dd>{weekdayName(region.rules.weekStartsOn, t)}</dd>
                </div>
              </dl>
              {canManageRegion(me, region.id) && (
                <button
                  type="button"
                  className="button button-secondary card-action"
                  data-testid="edit-rules"
                  onClick={() => {
                    setIsEditingRules(true);
                    setIsRulesSaved(false);
                  }}
                >
                  {t('region.rules.edit')}
                </button>
              )}
            </>
          )}
        </Card>
      </div>
    </>
  );
}

const FIRST_ORGANISATIONS = 12;

function OrganisationList({ regionId }: { regionId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => listOrganisations(regionId), [regionId]);
  const [isShowingAll, setIsShowingAll] = useState(false);
  const organisations = loaded.data ?? [];
  const shown = isShowingAll ? organisations : organisations.slice(0, FIRST_ORGANISATIONS);
  return (
    <Card title={t('region.organisationsList')} testId="organisation-list">
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && <Loading />}
      {loaded.data && organisations.length === 0 && <p className="muted">{t('region.noOrganisations')}</p>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('pool.name')}</th>
                <th scope="col" className="wide-only">
                  {t('region.sector')}
                </th>
                <th scope="col" className="num">
                  {t('region.locationCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((organisation) => (
                <tr key={organisation.id} data-testid="organisation-row">
                  <th scope="row">
                    {organisation.name}
                    <span className="cell-sub">{t(`sector.${organisation.sector}`)}</span>
                  </th>
                  <td className="wide-only">{t(`sector.${organisation.sector}`)}</td>
                  <td className="num">{formatNumber(organisation.locationCount, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {organisations.length > FIRST_ORGANISATIONS && (
        <button type="button" className="button button-secondary" onClick={() => setIsShowingAll((value) => !value)} aria-expanded={isShowingAll}>
          {isShowingAll ? t('region.showLess') : t('region.showAll', { count: organisations.length })}
        </button>
      )}
    </Card>
  );
}
