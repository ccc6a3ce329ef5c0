// An organisation's marketplace settings: claims confirmed at once or approved by a planner, until
// when workers may cancel themselves, and whether swaps need a planner's approval.
import { useState } from 'react';
import type { TOrganisationDetail } from '../../shared/organisations.schemas';
import { ZOrganisationSettings } from '../../shared/shifts.schemas';
import { ErrorMessage, Field, FormActions, Loading } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { validate } from '../validation';
import { getOrganisationSettings, updateOrganisationSettings } from './requests';

export function SettingsPanel({ organisation, onSaved, onCancel }: { organisation: TOrganisationDetail; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => getOrganisationSettings(organisation.id), [organisation.id]);
  const [cutoff, setCutoff] = useState<string | null>(null);
  const { errors, error, isBusy, submit } = useFormSubmit();
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const settings = loaded.data;
  const set = (patch: Partial<typeof settings>) => loaded.setData({ ...settings, ...patch });
  const cutoffText = cutoff ?? String(settings.cancelCutoffHours);
  return (
    <form
      className="form card"
      data-testid="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const hours = cutoffText.trim() === '' ? Number.NaN : Number(cutoffText.trim());
        const result = validate(ZOrganisationSettings, { ...settings, cancelCutoffHours: hours }, t);
        void submit(result.errors ?? {}, result.data, async (data) => {
          await updateOrganisationSettings(organisation.id, data);
          onSaved();
        });
      }}
    >
      <h2 className="card-title">{t('marketplace.settings.title', { name: organisation.name })}</h2>
      {error !== null && <ErrorMessage error={error} />}
      <fieldset className="fieldset">
        <legend>{t('marketplace.settings.claimMode')}</legend>
        {(['instant', 'approval'] as const).map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="claimMode" value={mode} checked={settings.claimMode === mode} data-testid={`settings-${mode}`} onChange={() => set({ claimMode: mode })} />
            {t(`marketplace.settings.${mode}`)}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('marketplace.settings.cutoff')}
        hint={t('marketplace.settings.cutoffHint')}
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        value={cutoffText}
        error={errors.cancelCutoffHours}
        onChange={(e) => setCutoff(e.target.value)}
        testId="settings-cutoff"
      />
      <label className="check">
        <input type="checkbox" checked={settings.swapNeedsApproval} data-testid="settings-swap-approval" onChange={(e) => set({ swapNeedsApproval: e.target.checked })} />
        {t('marketplace.settings.swapApproval')}
      </label>
      <FormActions submitLabel={t('marketplace.save')} isBusy={isBusy} submitTestId="settings-save" onCancel={onCancel} cancelLabel={t('marketplace.close')} />
    </form>
  );
}
