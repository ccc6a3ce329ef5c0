// Small building blocks shared by the pages: cards, figures, messages, form fields.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
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

type FieldFrameProps = { label: string; hint?: string | undefined; error?: string | undefined; testId?: string | undefined; className?: string | undefined };

/** The attributes that tie a control to its label, hint and error (for screen readers). */
type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined; 'data-testid': string | undefined };

/** Label, hint, the control and its error: the markup every form field shares. */
function FieldFrame({ label, hint, error, testId, className = '', control }: FieldFrameProps & { control: (props: ControlProps) => ReactNode }) {
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
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined, 'data-testid': testId })}
      {error && (
        <p id={errorId} className="field-error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input with its hint and error. */
export function Field({ label, hint, error, testId, className, ...input }: FieldFrameProps & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} hint={hint} error={error} testId={testId} className={className} control={(control) => <input {...control} {...input} />} />;
}

/** A labelled select; the options are its children. */
export function SelectField({ label, hint, error, testId, className, children, ...select }: FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      testId={testId}
      className={className}
      control={(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled multi-line text. */
export function TextAreaField({ label, hint, error, testId, className, ...textarea }: FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} hint={hint} error={error} testId={testId} className={className} control={(control) => <textarea {...control} {...textarea} />} />;
}

/** Save and cancel under a form; save is disabled while the request runs. */
export function FormActions({ submitLabel, isBusy = false, submitTestId, onCancel, cancelLabel }: { submitLabel: string; isBusy?: boolean; submitTestId?: string; onCancel?: () => void; cancelLabel?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={isBusy} data-testid={submitTestId}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {cancelLabel ?? t('worker.form.cancel')}
        </button>
      )}
    </div>
  );
}
