// A coordinator changes the region's working-time rules (Arbeidstijdenwet defaults), in hours.
import { useState, type SyntheticEvent } from 'react';
import { ZUpdateRegionRulesRequest, type TRegion, type TRegionRules } from '../../shared/regions.schemas';
import { ErrorMessage, Field, FormActions, SelectField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { useI18n, weekdayName, type MessageKey } from '../i18n/i18n';
import { updateRegionRules } from '../requests';
import { validate } from '../validation';

type HourRule = 'minRestMinutes' | 'maxShiftMinutes' | 'maxMinutesPerWeek';

const HOUR_RULES: { rule: HourRule; label: MessageKey }[] = [
  { rule: 'minRestMinutes', label: 'region.rules.minRest' },
  { rule: 'maxShiftMinutes', label: 'region.rules.maxShift' },
  { rule: 'maxMinutesPerWeek', label: 'region.rules.maxWeek' },
];

const toHours = (minutes: number) => String(minutes / 60);
const toMinutes = (hours: string) => {
  const text = hours.trim().replace(',', '.');
  return text === '' ? Number.NaN : Math.round(Number(text) * 60);
};

export function RulesForm({ regionId, rules, onSaved, onCancel }: { regionId: string; rules: TRegionRules; onSaved: (region: TRegion) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [hours, setHours] = useState<Record<HourRule, string>>({
    minRestMinutes: toHours(rules.minRestMinutes),
    maxShiftMinutes: toHours(rules.maxShiftMinutes),
    maxMinutesPerWeek: toHours(rules.maxMinutesPerWeek),
  });
  const [weekStartsOn, setWeekStartsOn] = useState<1 | 7>(rules.weekStartsOn);
  const { errors, error, isBusy, submit: send } = useFormSubmit();

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = { ...Object.fromEntries(HOUR_RULES.map(({ rule }) => [rule, toMinutes(hours[rule])])), weekStartsOn };
    const result = validate(ZUpdateRegionRulesRequest, body, t);
    void send(result.errors ?? {}, result.data, async (data) => onSaved(await updateRegionRules(regionId, data)));
  };

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="rules-form">
      {error !== null && <ErrorMessage error={error} testId="rules-error" />}
      {HOUR_RULES.map(({ rule, label }) => (
        <Field
          key={rule}
          label={`${t(label)} (${t('region.rules.inHours')})`}
          inputMode="decimal"
          value={hours[rule]}
          onChange={(event) => setHours((h) => ({ ...h, [rule]: event.target.value }))}
          error={errors[rule]}
          testId={`rules-${rule}`}
        />
      ))}
      <SelectField label={t('region.rules.weekStart')} value={weekStartsOn} onChange={(event) => setWeekStartsOn(event.target.value === '7' ? 7 : 1)}>
        <option value={1}>{weekdayName(1, t)}</option>
        <option value={7}>{weekdayName(7, t)}</option>
      </SelectField>
      <FormActions submitLabel={t('worker.form.save')} isBusy={isBusy} submitTestId="rules-save" onCancel={onCancel} />
    </form>
  );
}
