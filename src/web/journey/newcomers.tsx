// The organisation's planner and the newcomers matched to it: the list (GET /api/journeys as a
// planner), and one person's journey without contact details, where the planner records the
// onboarding (fixed contact and buddy) and marks the person independent per package.
import type { TJourney } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { packageName } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DEFAULT_ZONE, formatMoment } from '../marketplace/shift-format';
import { Independence } from '../mediation/independence';
import { listPackages } from '../requests';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { getJourney, listJourneys } from './requests';
import { OnboardingForm } from './step-forms';
import { JourneyStatus, stageName, StepTimeline } from './steps';

export function NewcomersPage() {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => listJourneys({}), []);
  return (
    <section className="page mediation-page" data-testid="newcomers-page">
      <h1>{t('journey.newcomers.title')}</h1>
      <p className="lead">{t('journey.newcomers.intro')}</p>
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {!loaded.data && loaded.error === null && <Loading />}
      {loaded.data &&
        (loaded.data.length === 0 ? (
          <p className="alert alert-info" data-testid="newcomers-none">
            {t('journey.newcomers.none')}
          </p>
        ) : (
          <ul className="request-list">
            {loaded.data.map((j) => (
              <li key={j.id} className="request-item" data-testid="newcomer" data-journey-id={j.id}>
                <Link to={`/newcomers/${j.id}`} className="request-title">
                  {j.name}
                </Link>
                <span className="muted">
                  {t(`journey.entry.${j.entryKind}` as MessageKey)} · {t('journey.newcomers.lastStep', { when: formatMoment(j.lastStepAt, DEFAULT_ZONE, locale) })}
                </span>
                <span className="badge badge-muted" data-testid="newcomer-stage">
                  {t(stageName(j.stage))}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

async function loadNewcomer(journeyId: string) {
  const journey = await getJourney(journeyId);
  return { journey, packages: await listPackages(journey.regionId) };
}

export function NewcomerPage({ journeyId }: { journeyId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => loadNewcomer(journeyId), [journeyId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { journey, packages } = loaded.data;
  const held = packages.filter((p) => journey.packageIds.includes(p.id));
  const update = (next: TJourney) => loaded.setData({ ...loaded.data!, journey: next });
  return (
    <section className="page mediation-page" data-testid="newcomer-page" data-journey-id={journey.id}>
      <p>
        <Link to="/newcomers">← {t('journey.newcomers.title')}</Link>
      </p>
      <h1>{journey.name}</h1>
      <p className="lead">
        {t(`journey.entry.${journey.entryKind}` as MessageKey)} · <span data-testid="journey-stage">{t(stageName(journey.stage))}</span>
      </p>
      <JourneyStatus journey={journey} />
      {journey.stage === 'onboarding' && (
        <Card title={t('journey.newcomers.onboarding')} testId="newcomer-onboarding">
          <OnboardingForm journey={journey} onRecorded={update} />
        </Card>
      )}
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
      {held.length > 0 && (
        <Card title={t('journey.newcomers.independence')} testId="newcomer-independence">
          <p className="muted">{held.map((p) => packageName(p, locale)).join(', ')}</p>
          <Independence workerId={journey.workerId} packages={held} />
        </Card>
      )}
      <Card title={t('journey.steps.title')}>
        <StepTimeline journey={journey} organisationName={(id) => (id === journey.organisationId ? (journey.organisationName ?? undefined) : undefined)} />
      </Card>
    </section>
  );
}
