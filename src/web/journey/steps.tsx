// A journey's steps in order: done ones with their date, who recorded them and what was agreed;
// the one it waits for with its due date and who acts; the rest still to come.
import type { ReactNode } from 'react';
import { journeySteps, type TJourney, type TJourneyStep, type TJourneyStepRecord } from '../../shared/journey.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { formatDate } from '../format';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { DEFAULT_ZONE, formatMoment } from '../marketplace/shift-format';

export const stepName = (step: TJourneyStep) => `journey.step.${step}` as MessageKey;
export const stageName = (stage: TJourney['stage']) => (stage === 'completed' || stage === 'closed' ? (`journey.stage.${stage}` as MessageKey) : stepName(stage));

const WELCOME_CALL_WITHIN_MS = 24 * 3_600_000;

/** When the step the journey waits for is due (calendar date or moment), if it has a deadline. */
export function dueOf(journey: Pick<TJourney, 'stage' | 'registeredAt' | 'checkIn1DueOn' | 'checkIn3DueOn'>, locale: TLocale): string | null {
  switch (journey.stage) {
    case 'welcome_call':
      return formatMoment(new Date(Date.parse(journey.registeredAt) + WELCOME_CALL_WITHIN_MS).toISOString(), DEFAULT_ZONE, locale);
    case 'check_in_1m':
      return journey.checkIn1DueOn ? formatDate(journey.checkIn1DueOn, locale) : null;
    case 'check_in_3m':
      return journey.checkIn3DueOn ? formatDate(journey.checkIn3DueOn, locale) : null;
    case 'orientation':
    case 'matching':
    case 'agreement':
    case 'onboarding':
    case 'completed':
    case 'closed':
      return null;
  }
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The facts worth repeating from a recorded step, in words. */
export function stepFacts(record: TJourneyStepRecord, t: Translate, locale: TLocale, organisationName: (id: string) => string | undefined): string[] {
  const d = record.details;
  const facts: (string | null)[] = [];
  switch (record.step) {
    case 'registration':
      break;
    case 'welcome_call':
      facts.push(str(d.notes), str(d.constraints) && t('journey.fact.constraints', { text: str(d.constraints)! }));
      break;
    case 'orientation':
      facts.push(t(d.outcome === 'skipped' ? 'journey.fact.orientationSkipped' : 'journey.fact.orientationDone'), str(d.notes));
      break;
    case 'matching': {
      const id = str(d.organisationId);
      facts.push(id ? t('journey.fact.matchedWith', { organisation: organisationName(id) ?? '' }) : t('journey.fact.regionalPool'), str(d.notes));
      break;
    }
    case 'agreement': {
      const kind = str(d.contractKind);
      const startsOn = str(d.startsOn);
      if (kind) facts.push(t(`journey.contract.${kind}` as MessageKey));
      if (startsOn) facts.push(t('journey.fact.startsOn', { date: formatDate(startsOn, locale) }));
      facts.push(str(d.notes));
      break;
    }
    case 'onboarding':
      facts.push(t('journey.fact.contact', { name: str(d.fixedContactName) ?? '' }), t('journey.fact.buddy', { name: str(d.buddyName) ?? '' }), str(d.notes));
      break;
    case 'check_in_1m':
    case 'check_in_3m':
      facts.push(str(d.notes), t(d.isStillActive === false ? 'journey.fact.stopped' : 'journey.fact.stillActive'));
      break;
  }
  return facts.filter((f): f is string => f !== null && f !== '');
}

export function JourneyStatus({ journey }: { journey: TJourney }) {
  const { t, locale } = useI18n();
  const due = dueOf(journey, locale);
  if (journey.stage === 'closed') return <p className="alert alert-warning" data-testid="journey-status">{t('journey.closed', { reason: journey.closedReason ?? '' })}</p>;
  if (journey.stage === 'completed') return <p className="alert alert-success" data-testid="journey-status">{t('journey.completed')}</p>;
  return (
    <p className="alert alert-info" data-testid="journey-status">
      <strong>{t('journey.next', { step: t(stepName(journey.stage)) })}</strong>
      {due && ` · ${t('journey.due', { when: due })}`}
      {' · '}
      {journey.ownerName ? t('journey.owner', { name: journey.ownerName }) : t('journey.noOwner')}
    </p>
  );
}

export function StepTimeline({ journey, organisationName = () => undefined, actions }: { journey: TJourney; organisationName?: (id: string) => string | undefined; actions?: ReactNode }) {
  const { t, locale } = useI18n();
  const records = new Map(journey.steps.map((s) => [s.step, s]));
  const isOpen = journey.stage !== 'completed' && journey.stage !== 'closed';
  return (
    <ol className="step-list timeline" data-testid="journey-steps">
      {journeySteps.map((step) => {
        const record = records.get(step);
        const isCurrent = isOpen && journey.stage === step;
        const state = record ? 'done' : isCurrent ? 'due' : 'later';
        return (
          <li key={step} className={`step step-${state}`} data-testid="journey-step" data-step={step} data-state={state}>
            <p className="shift-headline">
              <span className="location-name">{t(stepName(step))}</span>
              <span className={`badge badge-step-${state}`}>{t(`journey.state.${state}`)}</span>
            </p>
            {record && (
              <>
                <p className="muted" data-testid="step-done">
                  {t('journey.doneAt', { when: formatMoment(record.doneAt, DEFAULT_ZONE, locale) })}
                  {record.doneByName && ` · ${record.doneByName}`}
                </p>
                {stepFacts(record, t, locale, organisationName).map((fact, i) => (
                  <p key={i} className="step-fact">
                    {fact}
                  </p>
                ))}
              </>
            )}
            {isCurrent && actions}
          </li>
        );
      })}
    </ol>
  );
}
