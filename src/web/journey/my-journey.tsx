// The signed-in person's own journey: where they are, what comes next and who helps them, their
// learning plan, and for registered professions the BIG re-registration checklist.
import { ApiError } from '../api';
import { ErrorMessage, Loading } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useMe } from '../session';
import { useLoad } from '../use-load';
import { BigChecklist } from './big-checklist';
import { LearningPlan } from './learning-plan';
import { getMyJourney } from './requests';
import { JourneyStatus, StepTimeline } from './steps';

export function MyJourneyPage() {
  const { t } = useI18n();
  const me = useMe();
  const loaded = useLoad(
    () =>
      getMyJourney().catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [me.id],
  );
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <Loading />;
  const journey = loaded.data;
  return (
    <section className="page mediation-page" data-testid="my-journey">
      <h1>{t('journey.mine.title')}</h1>
      {journey === null ? (
        <p className="alert alert-info" data-testid="no-journey">
          {t('journey.mine.none')}
        </p>
      ) : (
        <>
          <p className="lead">{t('journey.mine.intro')}</p>
          <JourneyStatus journey={journey} />
          <StepTimeline journey={journey} organisationName={(id) => (id === journey.organisationId ? (journey.organisationName ?? undefined) : undefined)} />
          {journey.orientations.length > 0 && (
            <p>
              <Link to="/my-shifts">{t('journey.mine.orientationInShifts')}</Link>
            </p>
          )}
          <LearningPlan journey={journey} isEditable={journey.stage !== 'closed'} onSaved={(saved) => loaded.setData(saved)} />
        </>
      )}
      {me.workerId && <BigChecklist workerId={me.workerId} />}
    </section>
  );
}
