// The person's own learning plan: goals (one per line item) and the support they wish for.
import { useState } from 'react';
import { ZLearningPlan, type TJourney } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Field, FormActions, TextAreaField } from '../components/ui';
import { DEFAULT_ZONE, formatMoment } from '../marketplace/shift-format';
import { useI18n } from '../i18n/i18n';
import { validate } from '../validation';
import { useFormSubmit } from '../components/use-form-submit';
import { writeLearningPlan } from './requests';

export function LearningPlan({ journey, isEditable, onSaved }: { journey: TJourney; isEditable: boolean; onSaved: (journey: TJourney) => void }) {
  const { t, locale } = useI18n();
  const plan = journey.learningPlan;
  const [isEditing, setIsEditing] = useState(false);
  return (
    <Card title={t('journey.plan.title')} testId="learning-plan">
      <p className="muted">{t('journey.plan.intro')}</p>
      {isEditing ? (
        <LearningPlanForm
          journey={journey}
          onCancel={() => setIsEditing(false)}
          onSaved={(saved) => {
            setIsEditing(false);
            onSaved(saved);
          }}
        />
      ) : plan ? (
        <>
          <ul className="list" data-testid="plan-goals">
            {plan.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
          {plan.supportWishes && (
            <p data-testid="plan-support">
              <strong>{t('journey.plan.support')}:</strong> {plan.supportWishes}
            </p>
          )}
          <p className="muted">{t('journey.plan.updated', { when: formatMoment(plan.updatedAt, DEFAULT_ZONE, locale) })}</p>
        </>
      ) : (
        <p data-testid="plan-empty">{t('journey.plan.empty')}</p>
      )}
      {isEditable && !isEditing && (
        <button type="button" className="button button-secondary" data-testid="plan-edit" onClick={() => setIsEditing(true)}>
          {plan ? t('journey.plan.edit') : t('journey.plan.write')}
        </button>
      )}
    </Card>
  );
}

function LearningPlanForm({ journey, onSaved, onCancel }: { journey: TJourney; onSaved: (journey: TJourney) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [goals, setGoals] = useState<string[]>(journey.learningPlan?.goals.length ? journey.learningPlan.goals : ['']);
  const [supportWishes, setSupportWishes] = useState(journey.learningPlan?.supportWishes ?? '');
  const { errors, error, isBusy, submit: send } = useFormSubmit();
  const submit = async () => {
    const checked = validate(ZLearningPlan, { goals: goals.map((g) => g.trim()).filter((g) => g !== ''), supportWishes }, t);
    const found = checked.errors?.goals ? { ...checked.errors, goals: t('journey.plan.goalRequired') } : (checked.errors ?? {});
    await send(found, checked.data, async (data) => onSaved(await writeLearningPlan(journey.id, data)));
  };
  return (
    <form
      className="form step-form"
      data-testid="plan-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {goals.map((goal, i) => (
        <div key={i} className="goal-row">
          <Field
            label={t('journey.plan.goal', { number: i + 1 })}
            value={goal}
            maxLength={300}
            error={errors[`goals[${i}]`] ?? (i === 0 ? errors.goals : undefined)}
            onChange={(e) => setGoals(goals.map((g, j) => (j === i ? e.target.value : g)))}
            testId={`plan-goal-${i}`}
          />
          {goals.length > 1 && (
            <button type="button" className="button button-ghost" aria-label={t('journey.plan.removeGoal', { number: i + 1 })} onClick={() => setGoals(goals.filter((_, j) => j !== i))}>
              ×
            </button>
          )}
        </div>
      ))}
      {goals.length < 12 && (
        <button type="button" className="button button-secondary" data-testid="plan-add-goal" onClick={() => setGoals([...goals, ''])}>
          {t('journey.plan.addGoal')}
        </button>
      )}
      <TextAreaField label={t('journey.plan.support')} hint={t('journey.plan.supportHint')} value={supportWishes} maxLength={2000} onChange={(e) => setSupportWishes(e.target.value)} testId="plan-support-input" />
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={t('journey.plan.save')} isBusy={isBusy} submitTestId="plan-save" onCancel={onCancel} cancelLabel={t('mediation.cancel')} />
    </form>
  );
}
