// A planner adds a location to their organisation; the server finds the coordinates from the postcode.
import { useState, type SyntheticEvent } from 'react';
import { ZIanaZone } from '../../shared/common.schemas';
import { ZCreateLocationRequest, type TLocation } from '../../shared/organisations.schemas';
import { Card, ErrorMessage, Field, FormActions, SelectField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { useI18n } from '../i18n/i18n';
import { addLocation } from '../requests';
import { validate } from '../validation';

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
  const [values, setValues] = useState({ name: '', address: '', postcode: '', city: '', timeZone: defaultTimeZone });
  const { errors, error, isBusy, submit: send } = useFormSubmit();
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const result = validate(ZCreateLocationRequest, values, t);
    void send(result.errors ?? {}, result.data, async (data) => onAdded(await addLocation(organisationId, data)));
  };

  return (
    <Card title={t('location.form.title')} headingLevel={3} testId="location-form" className="card-nested">
      {error !== null && <ErrorMessage error={error} testId="location-error" />}
      <form className="form" noValidate onSubmit={submit}>
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
        <SelectField label={t('location.form.timeZone')} value={values.timeZone} onChange={(event) => setValues((v) => ({ ...v, timeZone: event.target.value as Zone }))}>
          {ZIanaZone.options.map((zone) => (
            <option key={zone} value={zone}>
              {t(`timeZone.${zone}`)}
            </option>
          ))}
        </SelectField>
        <FormActions submitLabel={t('location.form.save')} isBusy={isBusy} submitTestId="location-save" onCancel={onCancel} />
      </form>
    </Card>
  );
}
