// The mediator's view of one person's journey: contact and interests, the dated steps with the
// form for the step it waits for, competences, shadow days, the BIG checklist, the owner, and closing the journey when the person stops.
import { useState } from 'react';
import type { TJourney } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { packageName } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ReasonForm } from '../marketplace/my-shifts';
import { listOrganisations, listPackages } from '../requests';
import { Link } from '../router';
import { useMe } from '../session';
import { useLoad } from '../use-load';
import { closeJourney, getJourney, setJourneyOwner } from './requests';
import { BigChecklist } from './big-checklist';
import { OrientationBookings } from './orientation-bookings';
import { WorkerCompetencesCard } from '../competences/worker-competences';
import { StepAction } from './step-forms';
import { JourneyStatus, stageName, StepTimeline } from './steps';

async function loadJourney(journeyId: string) {
  const journey = await getJourney(journeyId);
  const [packages, organisations] = await Promise.all([listPackages(journey.regionId), listOrganisations(journey.regionId)]);
  return { journey, packages, organisations };
}

export function JourneyPage({ journeyId }: { journeyId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const loaded = useLoad(() => loadJourney(journeyId), [journeyId]);
  const [error, setError] = useState<unknown>(null);
  const [isClosing, setIsClosing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { journey, packages, organisations } = loaded.data;
  const isOpen = journey.stage !== 'completed' && journey.stage !== 'closed';
  const organisationName = (id: string) => organisations.find((o) => o.id === id)?.name;
  const update = (next: TJourney, message?: string) => {
    loaded.setData({ ...loaded.data!, journey: next });
    setSaved(message ?? null);
    setError(null);
  };
  const act = (action: () => Promise<TJourney>, message?: string) => action().then((next) => update(next, message), setError);
  return (
    <section className="page mediation-page" data-testid="journey-page" data-journey-id={journey.id}>
      <p>
        <Link to="/mediation/people">← {t('journey.people.title')}</Link>
      </p>
      <h1>{journey.name}</h1>
      <p className="lead">
        {t(`journey.entry.${journey.entryKind}` as MessageKey)} · <span data-testid="journey-stage">{t(stageName(journey.stage))}</span>
      </p>
      <JourneyStatus journey={journey} />
      {saved && (
        <p className="alert alert-success" role="status" data-testid="journey-saved">
          {saved}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <div className="grid grid-2">
        <Card title={t('journey.person.title')} testId="journey-person" headingLevel={3}>
          <dl className="facts">
            {journey.contact && (
              <>
                <div>
                  <dt>{t('journey.person.email')}</dt>
                  <dd className="break">
                    <a href={`mailto:${journey.contact.email}`}>{journey.contact.email}</a>
                  </dd>
                </div>
                <div>
                  <dt>{t('journey.person.phone')}</dt>
                  <dd>
                    <a href={`tel:${journey.contact.phone}`} data-testid="journey-phone">
                      {journey.contact.phone}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt>{t('journey.person.postcode')}</dt>
                  <dd>{journey.contact.postcode}</dd>
                </div>
              </>
            )}
            <div>
              <dt>{t('journey.person.interests')}</dt>
              <dd>{journey.interestPackageIds.map((id) => packages.find((p) => p.id === id)).flatMap((p) => (p ? [packageName(p, locale)] : [])).join(', ') || '—'}</dd>
            </div>
            <div>
              <dt>{t('journey.person.organisations')}</dt>
              <dd>{journey.interestOrganisationIds.map(organisationName).filter(Boolean).join(', ') || '—'}</dd>
            </div>
            {journey.organisationName && (
              <div>
                <dt>{t('journey.person.matchedWith')}</dt>
                <dd>{journey.organisationName}</dd>
              </div>
            )}
          </dl>
          {journey.freeText && <p className="shift-notes">{journey.freeText}</p>}
        </Card>
        <Card title={t('journey.owner.title')} testId="journey-owner" headingLevel={3}>
          <p>{journey.ownerName ?? t('journey.noOwner')}</p>
          {isOpen && journey.ownerUserId !== me.id && (
            <button type="button" className="button button-secondary" data-testid="journey-take-over" onClick={() => void act(() => setJourneyOwner(journey.id, me.id), t('journey.owner.taken'))}>
              {t('journey.owner.takeOver')}
            </button>
          )}
        </Card>
      </div>
      <Card title={t('journey.steps.title')}>
        <StepTimeline
          journey={journey}
          organisationName={organisationName}
          actions={<StepAction journey={journey} lookups={{ packages, organisations }} onRecorded={(next) => update(next, t('journey.stepSaved'))} onReload={loaded.reload} />}
        />
      </Card>
      {/* Competences are asked and confirmed in the welcome call (which may change them: read again after each step), and may change after it. */}
      <WorkerCompetencesCard key={journey.lastStepAt} workerId={journey.workerId} regionId={journey.regionId} canConfirm />
      <OrientationBookings journey={journey} onChanged={(next) => update(next, t('journey.orientation.cancelDone'))} />
      {/* The mediator keeps the BIG re-registration checklist up to date with the person (shown only for a BIG registration). */}
      <BigChecklist workerId={journey.workerId} />
      {journey.learningPlan && (
        <Card title={t('journey.plan.title')} testId="journey-plan">
          <ul className="list">
            {journey.learningPlan.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
          {journey.learningPlan.supportWishes && <p>{journey.learningPlan.supportWishes}</p>}
        </Card>
      )}
      {isOpen &&
        (isClosing ? (
          <ReasonForm label={t('journey.close.reason')} onSubmit={(reason) => act(() => closeJourney(journey.id, reason)).then(() => setIsClosing(false))} onClose={() => setIsClosing(false)} />
        ) : (
          <button type="button" className="button button-ghost" data-testid="journey-close" onClick={() => setIsClosing(true)}>
            {t('journey.close.button')}
          </button>
        ))}
    </section>
  );
}
