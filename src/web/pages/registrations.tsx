// A worker's registrations (BIG and others) with their expiry, warning 60 days ahead.
import { useState } from 'react';
import type { TCredential } from '../../shared/workers.schemas';
import { ErrorMessage } from '../components/ui';
import { daysBetween, formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

/** Days before expiry from which a registration is flagged (the region overview counts the same). */
export const EXPIRY_WARNING_DAYS = 60;

export type ExpiryState = { kind: 'none' } | { kind: 'valid' } | { kind: 'expiring'; days: number } | { kind: 'expired' };

export function expiryState(expiresOn: string | null, today: string): ExpiryState {
  if (!expiresOn) return { kind: 'none' };
  const days = daysBetween(today, expiresOn);
  if (days < 0) return { kind: 'expired' };
  if (days <= EXPIRY_WARNING_DAYS) return { kind: 'expiring', days };
  return { kind: 'valid' };
}

type Verify = (credentialId: string, status: 'verified' | 'rejected') => Promise<void>;

export function RegistrationList({ credentials, today, onVerify }: { credentials: TCredential[]; today: string; onVerify?: Verify | undefined }) {
  const { t, locale } = useI18n();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = (credentialId: string, status: 'verified' | 'rejected') => {
    if (!onVerify) return;
    setBusyId(credentialId);
    setError(null);
    onVerify(credentialId, status).then(
      () => setBusyId(null),
      (reason: unknown) => {
        setError(reason);
        setBusyId(null);
      },
    );
  };
  if (credentials.length === 0) return <p className="muted">{t('worker.noRegistrations')}</p>;
  return (
    <>
      {error !== null && <ErrorMessage error={error} testId="verify-error" />}
      <ul className="registrations">
        {credentials.map((credential) => {
          const state = expiryState(credential.expiresOn, today);
          return (
            <li key={credential.id} className="registration" data-testid="registration">
              <p className="registration-head">
                <strong>{t(`credential.${credential.kind}`)}</strong>
                <span className={`badge badge-${credential.verificationStatus}`}>{t(`verification.${credential.verificationStatus}`)}</span>
              </p>
              <p className="muted">
                {t('worker.registrationNumber', { number: credential.number })}
                {credential.profession && ` · ${credential.profession}`}
              </p>
              <p>{credential.expiresOn ? t('worker.validUntil', { date: formatDate(credential.expiresOn, locale) }) : t('worker.noExpiry')}</p>
              {state.kind === 'expiring' && (
                <p className="alert alert-warning" data-testid="registration-warning">
                  {state.days === 0 ? t('worker.expiresToday') : t('worker.expiresSoon', { days: state.days })}
                </p>
              )}
              {state.kind === 'expired' && credential.expiresOn && (
                <p className="alert alert-error" data-testid="registration-expired">
                  {t('worker.expired', { date: formatDate(credential.expiresOn, locale) })}
                </p>
              )}
              {onVerify && credential.verificationStatus === 'unverified' && (
                <div className="verify">
                  <p className="field-hint">{t('worker.verifyHint')}</p>
                  <div className="form-actions">
                    <button type="button" className="button button-primary" disabled={busyId === credential.id} onClick={() => verify(credential.id, 'verified')} data-testid="verify-registration">
                      {t('worker.verify')}
                    </button>
                    <button type="button" className="button button-secondary" disabled={busyId === credential.id} onClick={() => verify(credential.id, 'rejected')}>
                      {t('worker.reject')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
