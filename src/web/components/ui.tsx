// Small building blocks shared by the pages: cards, figures, messages, form fields.
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError } from '../api';
import { dictionaries, useI18n, type MessageKey, type Translate } from '../i18n/i18n';

/** The text to show for a failed request: our own words for known codes, else the server's message. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    return key in dictionaries.nl ? t(key as MessageKey) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorMessage({ error, onRetry, testId = 'error' }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <p>{errorText(error, t)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

export function Card({ title, children, className = '', testId, headingLevel = 2 }: { title?: ReactNode; children: ReactNode; className?: string; testId?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`card ${className}`} data-testid={testId}>
      {title !== undefined && <Heading className="card-title">{title}</Heading>}
      {children}
    </section>
  );
}

/** A big number with a label, for the overview pages. */
export function Stat({ label, value, tone = 'normal', testId }: { label: string; value: ReactNode; tone?: 'normal' | 'warning'; testId?: string }) {
  return (
    <div className={`stat stat-${tone}`} data-testid={testId}>
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{value}</dd>
    </div>
  );
}

export function Attribution() {
  const { t } = useI18n();
  return <p className="attribution">{t('app.geonames')}</p>;
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | undefined; testId?: string };

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ label, hint, error, testId, className = '', ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} data-testid={testId} {...input} />
      {error && (
        <p id={errorId} className="field-error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}
