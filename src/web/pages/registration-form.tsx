// Add a registration (BIG and others). A BIG number's check digit is checked here already,
// with the same function the server uses.
import { useState, type SyntheticEvent } from 'react';
import { isValidBigNumber } from '../../shared/big-number';
import { ZCreateCredentialRequest, ZCredentialKind, type TCredential } from '../../shared/workers.schemas';
import { Card, ErrorMessage, Field, FormActions, SelectField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { useI18n } from '../i18n/i18n';
import { addCredential } from '../requests';
import { validate, type FieldErrors } from '../validation';

type Kind = (typeof ZCredentialKind.options)[number];

export function RegistrationForm({ workerId, onAdded, onCancel }: { workerId: string; onAdded: (credential: TCredential) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('big');
  const [number, setNumber] = useState('');
  const [profession, setProfession] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const { errors, error, isBusy, submit: send } = useFormSubmit();

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const result = validate(ZCreateCredentialRequest, { kind, number: number.replace(/\s/g, ''), profession, expiresOn: expiresOn || null }, t);
    const bigError: FieldErrors = result.data?.kind === 'big' && !isValidBigNumber(result.data.number) ? { number: t('validation.bigNumber') } : {};
    void send({ ...(result.errors ?? {}), ...bigError }, result.data, async (data) => onAdded(await addCredential(workerId, data)));
  };

  return (
    <Card title={t('registration.add')} headingLevel={3} testId="registration-form" className="card-nested">
      {error !== null && <ErrorMessage error={error} testId="registration-error" />}
      <form className="form" noValidate onSubmit={submit}>
        <SelectField label={t('registration.kind')} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {ZCredentialKind.options.map((option) => (
            <option key={option} value={option}>
              {t(`credential.${option}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('registration.number')}
          hint={kind === 'big' ? t('registration.bigHint') : undefined}
          inputMode={kind === 'big' ? 'numeric' : 'text'}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          error={errors.number}
          testId="registration-number"
          autoComplete="off"
        />
        <Field label={t('registration.profession')} value={profession} onChange={(event) => setProfession(event.target.value)} error={errors.profession} testId="registration-profession" />
        <Field
          label={t('registration.expiresOn')}
          hint={t('registration.expiresOnHint')}
          type="date"
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
          error={errors.expiresOn}
          testId="registration-expires"
        />
        <FormActions submitLabel={t('worker.form.save')} isBusy={isBusy} submitTestId="registration-save" onCancel={onCancel} />
      </form>
    </Card>
  );
}
