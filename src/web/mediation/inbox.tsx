// The organisation's inbox (planners): candidates offered to answer, the organisation's requests,
// and the form to post a new one.
import { useState } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TMediationRequest } from '../../shared/mediation.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { DEFAULT_ZONE } from '../marketplace/shift-format';
import { getOrganisation, listPackages } from '../requests';
import { Link } from '../router';
import { plannedOrganisationIds } from '../session';
import { useLoad } from '../use-load';
import { formatPeriod } from './explain';
import { OfferItem, packageNames, requestStatusKey } from './request-view';
import { listCompetences } from '../competences/competences-api';
import { RequestForm } from './request-form';
import { getMediationRequest, listMediationRequests } from './requests';

async function loadInbox(me: TMe) {
  const organisations = await Promise.all(plannedOrganisationIds(me).map(getOrganisation));
  const regionId = organisations[0]?.regionId;
  const [packages, requests, competences] = await Promise.all([listPackages(regionId), listMediationRequests(), regionId ? listCompetences(regionId) : Promise.resolve([])]);
  // Offers live on their request: the open ones are read in full to find what waits for an answer.
  const open = await Promise.all(requests.filter((r) => r.status === 'open').map((r) => getMediationRequest(r.id)));
  return { organisations, packages, requests, open, competences };
}

export function InboxPage({ me }: { me: TMe }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => loadInbox(me), [me.id]);
  const [isPosting, setIsPosting] = useState(false);
  const [posted, setPosted] = useState(false);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { organisations, packages, requests, open, competences } = loaded.data;
  const locations = organisations.flatMap((o) => o.locations.map((l) => ({ ...l, organisationName: o.name })));
  const zoneOf = (locationId: string) => locations.find((l) => l.id === locationId)?.timeZone ?? DEFAULT_ZONE;
  const toAnswer = open.flatMap((request) => request.offers.filter((o) => o.status === 'offered').map((offer) => ({ offer, request })));
  return (
    <section className="page mediation-page" data-testid="inbox-page">
      <h1>{t('mediation.inbox.title')}</h1>
      <p className="lead">{t('mediation.inbox.intro')}</p>
      {posted && (
        <p className="alert alert-success" role="status" data-testid="request-posted">
          {t('mediation.requestForm.posted')}
        </p>
      )}
      {isPosting ? (
        <RequestForm
          locations={locations}
          packages={packages}
          competences={competences}
          onCancel={() => setIsPosting(false)}
          onPosted={() => {
            setIsPosting(false);
            setPosted(true);
            loaded.reload();
          }}
        />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="new-request"
            disabled={locations.length === 0}
            onClick={() => {
              setIsPosting(true);
              setPosted(false);
            }}
          >
            {t('mediation.inbox.newRequest')}
          </button>
        </div>
      )}
      <Card title={t('mediation.inbox.toAnswer', { count: toAnswer.length })} testId="to-answer">
        {toAnswer.length === 0 ? (
          <p className="muted">{t('mediation.inbox.nothingToAnswer')}</p>
        ) : (
          <ul className="location-list">
            {toAnswer.map(({ offer, request }) => (
              <OfferItem
                key={offer.id}
                offer={offer}
                mayAnswer
                onAnswered={loaded.reload}
                context={
                  <p className="muted">
                    <Link to={`/requests/${request.id}`}>{packageNames(request.packageIds, packages, locale)}</Link> · {formatPeriod(request.periodStart, request.periodEnd, locale, zoneOf(request.locationId))}
                  </p>
                }
              />
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('mediation.inbox.requests')} testId="inbox-requests">
        {requests.length === 0 ? (
          <p className="muted">{t('mediation.inbox.noRequests')}</p>
        ) : (
          <RequestLinks requests={requests} packages={packages} zoneOf={zoneOf} />
        )}
      </Card>
    </section>
  );
}

/** Requests as links with packages, period, status and (for the mediator) the organisation. */
export function RequestLinks({
  requests,
  packages,
  zoneOf = () => DEFAULT_ZONE,
  showOrganisation = false,
}: {
  requests: TMediationRequest[];
  packages: TActivityPackage[];
  zoneOf?: (locationId: string) => string;
  showOrganisation?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="request-list">
      {requests.map((request) => (
        <li key={request.id} className="request-item" data-testid="request-item" data-request-id={request.id}>
          <Link to={`/requests/${request.id}`} className="request-title">
            {showOrganisation ? `${request.organisationName}: ` : ''}
            {packageNames(request.packageIds, packages, locale)}
          </Link>
          <span className="muted">{formatPeriod(request.periodStart, request.periodEnd, locale, zoneOf(request.locationId))}</span>
          <span className={`badge badge-status-${request.status}`}>{t(requestStatusKey(request.status))}</span>
        </li>
      ))}
    </ul>
  );
}
