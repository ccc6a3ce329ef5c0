// A planner adds a location to their organisation; the server finds the coordinates from the postcode.
import { useId, useState, type SyntheticEvent } from 'react';
import { ZIanaZone } from '../../shared/common.schemas';
import { ZCreateLocationRequest, type TLocation } from '../../shared/organisations.schemas';
import { Card, ErrorMessage, Field } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { addLocation } from '../requests';
import { serverFieldErrors, validate, type FieldErrors } from '../validation';

type Zone = (typeof ZIanaZone.options)[number];

export function LocationForm({
  organisationId,
  defaultTimeZone,
  onAdded,
  onCancel,
}: {
  organisationId: string;
  defaultTimeZone: Zone;
  onAdded: (location: TLocation) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const zoneId = useId();
  const [values, setValues] = useState({ name: '', address: '', postcode: '', city: '', timeZone: defaultTimeZone });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    const result = validate(ZCreateLocationRequest, values, t);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      onAdded(await addLocation(organisationId, result.data));
    } catch (reason) {
      setError(reason);
      setErrors(serverFieldErrors(reason, t));
      setIsBusy(false);
    }
  };

  return (
    <Card title={t('location.form.title')} headingLevel={3} testId="location-form" className="card-nested">
      {error !== null && <ErrorMessage error={error} testId="location-error" />}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <Field label={t('location.form.name')} value={values.name} onChange={set('name')} error={errors.name} testId="location-name" autoComplete="off" />
        <Field label={t('location.form.address')} value={values.address} onChange={set('address')} error={errors.address} testId="location-address" autoComplete="street-address" />
        <div className="grid grid-2">
          <Field
            label={t('location.form.postcode')}
            hint={t('location.form.postcodeHint')}
            value={values.postcode}
            onChange={set('postcode')}
            error={errors.postcode}
            testId="location-postcode"
            autoComplete="postal-code"
          />
          <Field label={t('location.form.city')} value={values.city} onChange={set('city')} error={errors.city} testId="location-city" autoComplete="address-level2" />
        </div>
        <div className="field">
          <label htmlFor={zoneId}>{t('location.form.timeZone')}</label>
          <select id={zoneId} value={values.timeZone} onChange={(event) => setValues((v) => ({ ...v, timeZone: event.target.value as Zone }))}>
            {ZIanaZone.options.map((zone) => (
              <option key={zone} value={zone}>
                {t(`timeZone.${zone}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy} data-testid="location-save">
            {t('location.form.save')}
          </button>
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t('worker.form.cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}
