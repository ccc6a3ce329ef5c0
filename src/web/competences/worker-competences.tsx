// A worker's competences: the person ticks what they can do (self-declared); the region's mediator
// ticks and confirms (e.g. during the welcome call). Mobile-first: one tap target per competence,
// grouped by category; a confirmed one shows who confirmed it and when.
import { useState } from 'react';
import type { TCompetence, TWorkerCompetence } from '../../shared/competences.schemas';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { intlLocale, useI18n, type MessageKey } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { byCategory, competenceLabel, getWorkerCompetences, listCompetences, setWorkerCompetences } from './competences-api';
import './competences.css';

const KNOWN_CATEGORIES = ['clinical', 'target_group', 'setting', 'practical'];

export function useCategoryName() {
  const { t } = useI18n();
  return (category: string) => (KNOWN_CATEGORIES.includes(category) ? t(`competences.category.${category}` as MessageKey) : category || t('competences.category.other'));
}

/** The card on a profile or journey page: the list, and the form behind "change". */
export function WorkerCompetencesCard({ workerId, regionId, canConfirm }: { workerId: string; regionId: string; canConfirm: boolean }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const [catalogue, held] = await Promise.all([listCompetences(regionId), getWorkerCompetences(workerId)]);
    return { catalogue, held };
  }, [workerId, regionId]);
  const [isEditing, setIsEditing] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  return (
    <Card title={t('competences.title')} testId="worker-competences">
      {loaded.error ? (
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : isEditing ? (
        <WorkerCompetencesForm
          workerId={workerId}
          catalogue={loaded.data.catalogue}
          held={loaded.data.held}
          canConfirm={canConfirm}
          onCancel={() => setIsEditing(false)}
          onSaved={(held) => {
            loaded.setData({ ...loaded.data!, held });
            setIsEditing(false);
            setIsSaved(true);
          }}
        />
      ) : (
        <>
          {isSaved && (
            <p className="alert alert-success" role="status" data-testid="competences-saved">
              {t('competences.saved')}
            </p>
          )}
          <HeldCompetences held={loaded.data.held} />
          <button
            type="button"
            className="button button-secondary"
            data-testid="competences-edit"
            onClick={() => {
              setIsEditing(true);
              setIsSaved(false);
            }}
          >
            {t('competences.edit')}
          </button>
        </>
      )}
    </Card>
  );
}

export function HeldCompetences({ held }: { held: TWorkerCompetence[] }) {
  const { t, locale } = useI18n();
  if (held.length === 0) return <p className="muted">{t('competences.none')}</p>;
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' });
  return (
    <ul className="competence-list" data-testid="competence-list">
      {held.map((c) => (
        <li key={c.key} data-key={c.key} data-source={c.source}>
          {competenceLabel(c, locale)}{' '}
          <span
            className={`badge ${c.source === 'confirmed' ? 'badge-strong' : ''}`}
            title={c.source === 'confirmed' && c.confirmedAt ? t('competences.confirmedBy', { name: c.confirmedByName ?? '—', date: date.format(new Date(c.confirmedAt)) }) : undefined}
          >
            {t(c.source === 'confirmed' ? 'competences.confirmed' : 'competences.selfDeclared')}
          </span>
        </li>
      ))}
    </ul>
  );
}

type Choice = { checked: boolean; confirmed: boolean };
type Entry = Pick<TCompetence, 'key' | 'labelNl' | 'labelEn' | 'category'>;
export type CompetenceChoicesState = ReturnType<typeof useCompetenceChoices>;

/**
 * The ticks of a person's competence list, starting from what they hold: the list to send (in
 * catalogue order, `confirmed` only from those who may confirm) and whether it differs from what they hold.
 */
export function useCompetenceChoices(catalogue: TCompetence[], held: TWorkerCompetence[], canConfirm: boolean) {
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(held.map((h) => [h.key, { checked: true, confirmed: h.source === 'confirmed' }])),
  );
  // Held competences that were retired from the catalogue stay listed, so they can be kept or dropped.
  const entries: Entry[] = [...catalogue, ...held.filter((h) => !catalogue.some((c) => c.key === h.key))];
  const chosen = entries.filter((c) => choices[c.key]?.checked).map((c) => c.key);
  const set = (key: string, change: Partial<Choice>) => setChoices((current) => ({ ...current, [key]: { checked: false, confirmed: false, ...current[key], ...change } }));
  const body = chosen.map((key) => (canConfirm ? { key, confirmed: choices[key]!.confirmed } : { key }));
  const isChanged =
    chosen.length !== held.length ||
    chosen.some((key) => {
      const was = held.find((h) => h.key === key);
      return !was || (canConfirm && choices[key]!.confirmed !== (was.source === 'confirmed'));
    });
  return { entries, choices, chosen, set, body, isChanged, canConfirm };
}

/** One tap target per competence, grouped by category; the mediator's "confirmed" beside each ticked one; errors at the competence the server names. */
export function CompetenceChoices({ state, errors }: { state: CompetenceChoicesState; errors: Record<string, string> }) {
  const { t, locale } = useI18n();
  const categoryName = useCategoryName();
  const { entries, choices, chosen, set, canConfirm } = state;
  const errorOf = (key: string) => {
    const i = chosen.indexOf(key);
    return i < 0 ? undefined : (errors[`competences[${i}].key`] ?? errors[`competences[${i}].confirmed`]);
  };
  return (
    <>
      {byCategory(entries).map(([category, items]) => (
        <fieldset key={category} className="fieldset">
          <legend>{categoryName(category)}</legend>
          {items.map((c) => {
            const choice = choices[c.key];
            const fieldError = errorOf(c.key);
            return (
              <div key={c.key} className="competence-choice">
                <label className="check">
                  <input type="checkbox" checked={choice?.checked ?? false} onChange={(e) => set(c.key, { checked: e.target.checked })} data-testid={`competence-${c.key}`} />
                  {competenceLabel(c, locale)}
                </label>
                {canConfirm && choice?.checked && (
                  <label className="check check-inline">
                    <input type="checkbox" checked={choice.confirmed} onChange={(e) => set(c.key, { confirmed: e.target.checked })} data-testid={`competence-confirm-${c.key}`} />
                    {t('competences.confirm')}
                  </label>
                )}
                {fieldError && (
                  <p className="field-error" role="alert">
                    {fieldError}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}

export function WorkerCompetencesForm({
  workerId,
  catalogue,
  held,
  canConfirm,
  onSaved,
  onCancel,
}: {
  workerId: string;
  catalogue: TCompetence[];
  held: TWorkerCompetence[];
  canConfirm: boolean;
  onSaved: (held: TWorkerCompetence[]) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const state = useCompetenceChoices(catalogue, held, canConfirm);
  const { errors, error, isBusy, submit } = useFormSubmit();
  const save = () => void submit({}, { competences: state.body }, async (body) => onSaved(await setWorkerCompetences(workerId, body)));

  return (
    <form
      className="form competence-form"
      data-testid="competences-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <p className="field-hint">{t(canConfirm ? 'competences.hintMediator' : 'competences.hintSelf')}</p>
      <CompetenceChoices state={state} errors={errors} />
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy} data-testid="competences-save">
          {t('competences.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('competences.cancel')}
        </button>
      </div>
    </form>
  );
}
