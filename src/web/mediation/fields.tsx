// Labelled select and textarea for the mediation and journey forms, tied to their hint and error
// the same way as the shared <Field> input.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Described = { label: string; hint?: string | undefined; error?: string | undefined; testId?: string };

function useDescribed({ hint, error }: Pick<Described, 'hint' | 'error'>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Frame({ id, hintId, errorId, label, hint, error, testId, children }: Described & { id: string; hintId: string | undefined; errorId: string | undefined; children: ReactNode }) {
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={errorId} className="field-error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({ label, hint, error, testId, children, ...select }: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useDescribed({ hint, error });
  return (
    <Frame {...ids} label={label} hint={hint} error={error} testId={testId}>
      <select id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} data-testid={testId} {...select}>
        {children}
      </select>
    </Frame>
  );
}

export function TextAreaField({ label, hint, error, testId, ...textarea }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useDescribed({ hint, error });
  return (
    <Frame {...ids} label={label} hint={hint} error={error} testId={testId}>
      <textarea id={ids.id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} data-testid={testId} {...textarea} />
    </Frame>
  );
}
