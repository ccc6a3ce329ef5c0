import { useState, type SyntheticEvent } from 'react';
import { ZLoginRequest, type TMe } from '../../shared/auth.schemas';
import { ErrorMessage, Field } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { logIn } from '../requests';
import { serverFieldErrors, validate, type FieldErrors } from '../validation';
import { RegisterLink } from '../journey/register-page';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: TMe) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    const result = validate(ZLoginRequest, { email: email.trim(), password }, t);
    if (result.errors) {
      setFieldErrors(result.errors);
      return;
    }
    setFieldErrors({});
    setIsBusy(true);
    try {
      const me = await logIn(result.data.email, result.data.password);
      onLoggedIn(me);
    } catch (reason) {
      setError(reason);
      setFieldErrors(serverFieldErrors(reason, t));
      setIsBusy(false);
    }
  };

  return (
    <section className="page page-narrow" data-testid="login-page">
      <div className="card login-card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {error !== null && <ErrorMessage error={error} testId="login-error" />}
        <form onSubmit={(event) => void submit(event)} noValidate className="form">
          <Field
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
            testId="login-email"
          />
          <Field
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
            testId="login-password"
          />
          <button type="submit" className="button button-primary button-block" disabled={isBusy} data-testid="login-submit">
            {isBusy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
        <RegisterLink />
      </div>
    </section>
  );
}
