// A planner's organisation(s): locations with address, postcode and time zone, and open shifts.
import { useState } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TOrganisationDetail } from '../../shared/organisations.schemas';
import { Attribution, Card, ErrorMessage, Loading, Stat } from '../components/ui';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { DEFAULT_ZONE } from '../marketplace/shift-format';
import { getOrganisation } from '../requests';
import { plannedOrganisationIds } from '../session';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { PlanningLink } from '../planning/planning-link';
import { MediationLink } from '../mediation/routes';
import { LocationForm } from './location-form';

export function PlannerHome({ me }: { me: TMe }) {
  const { t } = useI18n();
  const organisationIds = plannedOrganisationIds(me);
  const loaded = useLoad(() => Promise.all(organisationIds.map(getOrganisation)), [organisationIds.join(',')]);
  return (
    <section className="page" data-testid="planner-home">
      <h1>{t('planner.title')}</h1>
      <PlanningLink />
      <MediationLink />
      {organisationIds.length > 0 && (
        <div className="planning-entry" data-testid="newcomers-link">
          <Link to="/newcomers" className="button button-secondary">
            {t('journey.newcomers.title')}
          </Link>
          <span className="muted">{t('journey.newcomers.linkHint')}</span>
        </div>
      )}
      <p>
        <Link to="/planner/shifts" className="button button-primary" data-testid="planner-shifts-link">
          {t('marketplace.planner.title')}
        </Link>
      </p>
      {organisationIds.length === 0 && <p className="alert alert-info">{t('planner.noOrganisation')}</p>}
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && organisationIds.length > 0 && <Loading />}
      {loaded.data?.map((organisation) => <OrganisationCard key={organisation.id} organisation={organisation} onChanged={loaded.reload} />)}
    </section>
  );
}

export function OrganisationCard({ organisation, onChanged }: { organisation: TOrganisationDetail; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [isAdding, setIsAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Card title={organisation.name} testId="organisation" className="organisation">
      <p className="muted">{t(`sector.${organisation.sector}`)}</p>
      <dl className="stats">
        <Stat label={t('planner.openShifts')} value={formatNumber(organisation.openShiftCount, locale)} testId="open-shift-count" />
        <Stat label={t('planner.locations')} value={formatNumber(organisation.locations.length, locale)} testId="location-count" />
      </dl>
      <h3>{t('planner.locations')}</h3>
      {organisation.locations.length === 0 ? (
        <p className="muted">{t('planner.noLocations')}</p>
      ) : (
        <ul className="location-list">
          {organisation.locations.map((location) => (
            <li key={location.id} className="location" data-testid="location">
              <p className="location-name">{location.name}</p>
              <dl className="facts facts-inline">
                <div>
                  <dt>{t('location.address')}</dt>
                  <dd>{location.address}</dd>
                </div>
                <div>
                  <dt>{t('location.postcode')}</dt>
                  <dd>
                    {location.postcode} {location.city}
                  </dd>
                </div>
                <div>
                  <dt>{t('location.timeZone')}</dt>
                  <dd>{location.timeZone}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {added && (
        <p className="alert alert-success" role="status" data-testid="location-added">
          {t('location.form.added', { name: added })}
        </p>
      )}
      {isAdding ? (
        <LocationForm
          organisationId={organisation.id}
          defaultTimeZone={organisation.locations[0]?.timeZone ?? DEFAULT_ZONE}
          onCancel={() => setIsAdding(false)}
          onAdded={(location) => {
            setIsAdding(false);
            setAdded(location.name);
            onChanged();
          }}
        />
      ) : (
        <button
          type="button"
          className="button button-secondary"
          data-testid="add-location"
          onClick={() => {
            setIsAdding(true);
            setAdded(null);
          }}
        >
          {t('location.add')}
        </button>
      )}
      <Attribution />
    </Card>
  );
}
