// The public self-service registration: who you are, how you come in, what interests you, and
// explicit consent for the use of your data. On success the new login is signed in and sees
// their journey, with the welcome call as the next step.
import { useState, type SyntheticEvent } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { ZEntryKind, ZRegistration, type TEntryKind } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Field, Loading, SelectField, TextAreaField } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { logIn } from '../requests';
import { Link, navigate } from '../router';
import { useLoad } from '../use-load';
import { validate } from '../validation';
import { useFormSubmit } from '../components/use-form-submit';
import { getRegistrationOptions, register } from './requests';

/** Under the login form: the way in for people who have no account yet. */
export function RegisterLink() {
  const { t } = useI18n();
  return (
    <p className="register-link" data-testid="register-link">
      {t('journey.register.question')} <Link to="/register">{t('journey.register.link')}</Link>
    </p>
  );
}

export function RegisterPage({ onLoggedIn }: { onLoggedIn: (me: TMe) => void }) {
  const { t, locale } = useI18n();
  const options = useLoad(getRegistrationOptions, []);
  const [regionId, setRegionId] = useState('');
  const [entryKind, setEntryKind] = useState<TEntryKind | ''>('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [postcode, setPostcode] = useState('');
  const [password, setPassword] = useState('');
  const [packageIds, setPackageIds] = useState<string[]>([]);
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const [maxTravelKm, setMaxTravelKm] = useState('25');
  const [freeText, setFreeText] = useState('');
  const [hasConsent, setHasConsent] = useState(false);
  const { errors, error, isBusy, submit: send } = useFormSubmit();
  if (options.error) return <ErrorMessage error={options.error} onRetry={options.reload} />;
  if (!options.data) return <Loading />;
  const { regions, consentVersion } = options.data;
  const region = regions.find((r) => r.id === regionId) ?? regions[0];
  const toggle = (list: string[], id: string, isOn: boolean) => (isOn ? [...list, id] : list.filter((x) => x !== id));

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const body = {
      regionId: region?.id ?? '',
      entryKind,
      firstName,
      lastName,
      email,
      phone,
      postcode,
      password,
      locale,
      interestPackageIds: packageIds,
      interestOrganisationIds: organisationIds,
      desiredHoursPerWeek: hours.trim() === '' ? null : Number(hours),
      maxTravelKm: Number(maxTravelKm),
      freeText,
      consent: { isGiven: hasConsent, version: consentVersion },
    };
    const checked = validate(ZRegistration, body, t);
    await send(checked.errors ?? {}, checked.data, async (data) => {
      const result = await register(data);
      const me = await logIn(result.email, password);
      navigate('/my-journey', { replace: true });
      onLoggedIn(me);
    });
  };

  return (
    <section className="page page-narrow mediation-page" data-testid="register-page">
      <h1>{t('journey.register.title')}</h1>
      <p className="lead">{t('journey.register.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <Card title={t('journey.register.you')} headingLevel={2}>
          {regions.length > 1 && (
            <SelectField label={t('journey.register.region')} value={region?.id ?? ''} onChange={(e) => setRegionId(e.target.value)} testId="register-region">
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </SelectField>
          )}
          <fieldset className={`fieldset ${errors.entryKind ? 'field-invalid' : ''}`} data-testid="register-entry">
            <legend>{t('journey.register.entryKind')}</legend>
            {ZEntryKind.options.map((kind) => (
              <label key={kind} className="check">
                <input type="radio" name="entry-kind" value={kind} checked={entryKind === kind} onChange={() => setEntryKind(kind)} />
                <span>
                  <strong>{t(`journey.entry.${kind}` as MessageKey)}</strong> — {t(`journey.entryHint.${kind}` as MessageKey)}
                </span>
              </label>
            ))}
            {errors.entryKind && <p className="field-error">{t('journey.register.entryRequired')}</p>}
          </fieldset>
          <div className="form-row">
            <Field label={t('journey.register.firstName')} autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} error={errors.firstName} testId="register-first-name" />
            <Field label={t('journey.register.lastName')} autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} error={errors.lastName} testId="register-last-name" />
          </div>
          <Field label={t('login.email')} type="email" inputMode="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} testId="register-email" />
          <Field label={t('journey.register.phone')} hint={t('journey.register.phoneHint')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.phone} testId="register-phone" />
          <Field label={t('journey.register.postcode')} autoComplete="postal-code" value={postcode} onChange={(e) => setPostcode(e.target.value)} error={errors.postcode} testId="register-postcode" />
          <Field
            label={t('login.password')}
            hint={t('journey.register.passwordHint')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            testId="register-password"
          />
        </Card>
        {region && (
          <Card title={t('journey.register.interests')} headingLevel={2}>
            <fieldset className="fieldset" data-testid="register-packages">
              <legend>{t('journey.register.packages')}</legend>
              <p className="field-hint">{t('journey.register.packagesHint')}</p>
              {region.packages.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" checked={packageIds.includes(p.id)} onChange={(e) => setPackageIds(toggle(packageIds, p.id, e.target.checked))} data-testid={`register-package-${p.code}`} />
                  {locale === 'nl' ? p.nameNl : p.nameEn}
                </label>
              ))}
            </fieldset>
            {region.organisations.length > 0 && (
              <fieldset className="fieldset" data-testid="register-organisations">
                <legend>{t('journey.register.organisations')}</legend>
                {region.organisations.map((o) => (
                  <label key={o.id} className="check">
                    <input type="checkbox" checked={organisationIds.includes(o.id)} onChange={(e) => setOrganisationIds(toggle(organisationIds, o.id, e.target.checked))} />
                    {o.name}
                  </label>
                ))}
              </fieldset>
            )}
            <div className="form-row">
              <Field label={t('journey.register.hours')} type="number" inputMode="numeric" min={1} max={60} value={hours} onChange={(e) => setHours(e.target.value)} error={errors.desiredHoursPerWeek} testId="register-hours" />
              <Field label={t('journey.register.travel')} type="number" inputMode="numeric" min={1} max={300} value={maxTravelKm} onChange={(e) => setMaxTravelKm(e.target.value)} error={errors.maxTravelKm} testId="register-travel" />
            </div>
            <TextAreaField label={t('journey.register.freeText')} hint={t('journey.register.freeTextHint')} value={freeText} maxLength={2000} onChange={(e) => setFreeText(e.target.value)} testId="register-free-text" />
          </Card>
        )}
        <Card title={t('journey.register.consentTitle')} headingLevel={2} testId="register-consent">
          <p>{t('journey.register.consentText')}</p>
          <label className={`check ${errors['consent.isGiven'] ? 'field-invalid' : ''}`}>
            <input type="checkbox" checked={hasConsent} onChange={(e) => setHasConsent(e.target.checked)} data-testid="register-consent-input" />
            {t('journey.register.consentAgree')}
          </label>
          {errors['consent.isGiven'] && (
            <p className="field-error" data-testid="register-consent-error">
              {t('journey.register.consentRequired')}
            </p>
          )}
          <p className="muted">{t('journey.register.consentVersion', { version: consentVersion })}</p>
        </Card>
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" className="button button-primary button-block" disabled={isBusy} data-testid="register-submit">
          {t('journey.register.submit')}
        </button>
        <p>
          <Link to="/login">{t('journey.register.haveAccount')}</Link>
        </p>
      </form>
    </section>
  );
}
