// The mediator's workspace (mediators and coordinators): per region the service-level queues,
// the open requests to offer candidates for, and candidate search for open shifts.
import { useState } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { listShifts, getShift } from '../marketplace/requests';
import { formatShiftWhen } from '../marketplace/shift-format';
import { getRegion, listPackages } from '../requests';
import { Link } from '../router';
import { mediatedRegionIds } from '../session';
import { useLoad } from '../use-load';
import { CandidateList } from './candidates';
import { RequestLinks } from './inbox';
import { MediationQueues } from './queues';
import { listMediationRequests, shiftCandidates } from './requests';

export function WorkspacePage({ me }: { me: TMe }) {
  const { t } = useI18n();
  const regionIds = mediatedRegionIds(me);
  return (
    <section className="page mediation-page" data-testid="mediation-workspace">
      <h1>{t('mediation.workspace.title')}</h1>
      <p className="form-actions">
        <Link to="/mediation/people" className="button button-secondary" data-testid="people-link">
          {t('journey.people.title')}
        </Link>
        <Link to="/mediation/funnel" className="button button-secondary" data-testid="funnel-link">
          {t('journey.funnel.title')}
        </Link>
      </p>
      {regionIds.length === 0 && <p className="alert alert-info">{t('region.noRegion')}</p>}
      {regionIds.map((regionId) => (
        <RegionWorkspace key={regionId} regionId={regionId} />
      ))}
    </section>
  );
}

async function loadRegionWork(regionId: string) {
  const [region, packages, requests, shifts] = await Promise.all([
    getRegion(regionId),
    listPackages(regionId),
    listMediationRequests('open'),
    listShifts({ from: new Date().toISOString(), status: 'open', limit: 200 }),
  ]);
  return { region, packages, requests: requests.filter((r) => r.regionId === regionId), shifts };
}

/** How many requests and shifts the workspace lists before "show all". */
const SHOWN = 8;

function RegionWorkspace({ regionId }: { regionId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => loadRegionWork(regionId), [regionId]);
  const [isAllRequests, setIsAllRequests] = useState(false);
  const [isAllShifts, setIsAllShifts] = useState(false);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { region, packages, requests, shifts } = loaded.data;
  const byPackage = new Map(packages.map((p) => [p.id, p]));
  const allUnfilled = shifts.filter((s) => s.filled < s.places);
  const unfilled = isAllShifts ? allUnfilled : allUnfilled.slice(0, SHOWN);
  return (
    <div className="region-workspace" data-testid="region-workspace">
      <h2>{region.name}</h2>
      <MediationQueues regionId={regionId} />
      <Card title={t('mediation.workspace.openRequests', { count: requests.length })} testId="open-requests">
        {requests.length === 0 ? (
          <p className="muted">{t('mediation.workspace.noRequests')}</p>
        ) : (
          <RequestLinks requests={isAllRequests ? requests : requests.slice(0, SHOWN)} packages={packages} showOrganisation />
        )}
        {!isAllRequests && requests.length > SHOWN && (
          <button type="button" className="button button-ghost" data-testid="show-all-requests" onClick={() => setIsAllRequests(true)}>
            {t('mediation.workspace.showAll', { count: requests.length })}
          </button>
        )}
      </Card>
      <Card title={t('mediation.workspace.shiftSearch')} testId="shift-search">
        <p className="muted">{t('mediation.workspace.shiftSearchHint')}</p>
        {unfilled.length === 0 ? (
          <p className="muted">{t('mediation.workspace.noShifts')}</p>
        ) : (
          <ul className="request-list">
            {unfilled.map((shift) => {
              const pkg = byPackage.get(shift.packageId);
              return (
                <li key={shift.id} className="request-item" data-testid="search-shift">
                  <Link to={`/mediation/shifts/${shift.id}`} className="request-title">
                    {formatShiftWhen(shift.start, shift.end, shift.timeZone, locale)}
                  </Link>
                  <span className="muted">
                    {pkg ? packageName(pkg, locale) : shift.packageCode} · {shift.organisationName} · {shift.locationName}
                  </span>
                  <span className="badge badge-unverified">{t('marketplace.places', { filled: shift.filled, places: shift.places })}</span>
                </li>
              );
            })}
          </ul>
        )}
        {!isAllShifts && allUnfilled.length > SHOWN && (
          <button type="button" className="button button-ghost" data-testid="show-all-shifts" onClick={() => setIsAllShifts(true)}>
            {t('mediation.workspace.showAll', { count: allUnfilled.length })}
          </button>
        )}
      </Card>
    </div>
  );
}

/** Ranked candidates for one open shift, with why-not for the rest of the region. */
export function ShiftCandidatesPage({ shiftId }: { shiftId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => Promise.all([getShift(shiftId), shiftCandidates(shiftId), listPackages()]), [shiftId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const [shift, list, packages] = loaded.data;
  const pkg = packages.find((p) => p.id === shift.packageId);
  return (
    <section className="page mediation-page" data-testid="shift-candidates-page">
      <p>
        <Link to="/mediation">← {t('mediation.back')}</Link>
      </p>
      <h1>{t('mediation.candidates.forShift', { when: formatShiftWhen(shift.start, shift.end, shift.timeZone, locale) })}</h1>
      <p className="lead">
        {pkg ? packageName(pkg, locale) : shift.packageCode} · {shift.organisationName} · {shift.locationName}
      </p>
      <Card title={t('mediation.candidates.title')}>
        <CandidateList list={list} />
      </Card>
    </section>
  );
}
