// Add a registration (BIG and others). A BIG number's check digit is checked here already,
// with the same function the server uses.
import { useId, useState, type SyntheticEvent } from 'react';
import { isValidBigNumber } from '../../shared/big-number';
import { ZCreateCredentialRequest, ZCredentialKind, type TCredential } from '../../shared/workers.schemas';
import { Card, ErrorMessage, Field } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { addCredential } from '../requests';
import { serverFieldErrors, validate, type FieldErrors } from '../validation';

type Kind = (typeof ZCredentialKind.options)[number];

export function RegistrationForm({ workerId, onAdded, onCancel }: { workerId: string; onAdded: (credential: TCredential) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const kindId = useId();
  const [kind, setKind] = useState<Kind>('big');
  const [number, setNumber] = useState('');
  const [profession, setProfession] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    const result = validate(ZCreateCredentialRequest, { kind, number: number.replace(/\s/g, ''), profession, expiresOn: expiresOn || null }, t);
    const bigError: FieldErrors = result.data?.kind === 'big' && !isValidBigNumber(result.data.number) ? { number: t('validation.bigNumber') } : {};
    if (result.errors || Object.keys(bigError).length > 0 || !result.data) {
      setErrors({ ...(result.errors ?? {}), ...bigError });
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      onAdded(await addCredential(workerId, result.data));
    } catch (reason) {
      setError(reason);
      setErrors(serverFieldErrors(reason, t));
      setIsBusy(false);
    }
  };

  return (
    <Card title={t('registration.add')} headingLevel={3} testId="registration-form" className="card-nested">
      {error !== null && <ErrorMessage error={error} testId="registration-error" />}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={kindId}>{t('registration.kind')}</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            {ZCredentialKind.options.map((option) => (
              <option key={option} value={option}>
                {t(`credential.${option}`)}
              </option>
            ))}
          </select>
        </div>
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
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy} data-testid="registration-save">
            {t('worker.form.save')}
          </button>
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t('worker.form.cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}
