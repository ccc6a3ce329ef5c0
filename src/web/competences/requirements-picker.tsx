// A request's competence requirements: per competence of the region "not needed", "required" or
// "wished", grouped by category; one select per competence works on a phone as on a desk.
import type { TCompetence, TCompetenceLevel, TCompetenceRequirementInput } from '../../shared/competences.schemas';
import { useI18n } from '../i18n/i18n';
import { byCategory, competenceLabel } from './competences-api';
import { useCategoryName } from './worker-competences';

export function RequirementsPicker({
  catalogue,
  value,
  onChange,
  errors,
}: {
  catalogue: TCompetence[];
  value: TCompetenceRequirementInput[];
  onChange: (value: TCompetenceRequirementInput[]) => void;
  errors: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const categoryName = useCategoryName();
  const levelOf = (key: string) => value.find((r) => r.key === key)?.level ?? '';
  const setLevel = (key: string, level: TCompetenceLevel | '') => {
    const rest = value.filter((r) => r.key !== key);
    onChange(level ? [...rest, { key, level }] : rest);
  };
  if (catalogue.length === 0) return null;
  return (
    <fieldset className="fieldset requirements-picker" data-testid="request-competences">
      <legend>{t('competences.requirements.title')}</legend>
      <p className="field-hint">{t('competences.requirements.hint')}</p>
      {byCategory(catalogue).map(([category, items]) => (
        <div key={category} className="requirements-group">
          <p className="requirements-category">{categoryName(category)}</p>
          {items.map((c) => {
            const i = value.findIndex((r) => r.key === c.key);
            const fieldError = i < 0 ? undefined : (errors[`competences[${i}].key`] ?? errors[`competences[${i}].level`]);
            return (
              <label key={c.key} className="requirement-row">
                <span>{competenceLabel(c, locale)}</span>
                <select value={levelOf(c.key)} onChange={(e) => setLevel(c.key, e.target.value as TCompetenceLevel | '')} data-testid={`requirement-${c.key}`}>
                  <option value="">{t('competences.level.none')}</option>
                  <option value="required">{t('competences.level.required')}</option>
                  <option value="wished">{t('competences.level.wished')}</option>
                </select>
                {fieldError && (
                  <span className="field-error" role="alert">
                    {fieldError}
                  </span>
                )}
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
