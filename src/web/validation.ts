// Client-side validation with the shared zod schemas: issues become `{ path: message }` in
// the interface language, with the same paths the server uses (`weeklyAvailability[1].endMinute`).
import type { z } from 'zod';
import { ApiError } from './api';
import type { MessageKey, Translate } from './i18n/i18n';

export type FieldErrors = Record<string, string>;

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Fields the form shows in hours while the API counts minutes. */
const isMinutesField = (path: string) => /Minutes(PerWeek)?$/.test(path) && !/(start|end)Minute$/.test(path);

function issueMessage(issue: z.core.$ZodIssue, path: string, t: Translate): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('validation.required') : t('validation.minChars', { min });
      return isMinutesField(path) ? t('validation.minHours', { min: min / 60 }) : t('validation.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return isMinutesField(path) ? t('validation.maxHours', { max: max / 60 }) : t('validation.max', { max });
    }
    case 'invalid_type':
      return issue.expected === 'int' ? t('validation.wholeNumber') : issue.expected === 'number' ? t('validation.number') : t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      return path.toLowerCase().endsWith('postcode') ? t('validation.postcode') : t('validation.invalid');
    case 'custom':
      return path.endsWith('endMinute') ? t('validation.endAfterStart') : t('validation.invalid');
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'invalid_value':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t('validation.invalid');
  }
}

/** Validates `value` with `schema`: the parsed data, or field errors keyed by path. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, t: Translate): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = formatPath(issue.path);
    errors[path] ??= issueMessage(issue, path, t);
  }
  return { data: null, errors };
}

/** The server's field messages are English; the ones we know get the interface's words. */
const SERVER_MESSAGES: Record<string, MessageKey> = {
  'is not a known postcode': 'validation.unknownPostcode',
  'is already taken': 'validation.taken',
  'is already in the catalogue': 'competences.catalogue.keyTaken',
};

/** Field errors of a failed request, keyed by path, in the interface language where we can. */
export function serverFieldErrors(error: unknown, t: Translate): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((issue) => {
    const key = SERVER_MESSAGES[issue.message];
    return [issue.path, key ? t(key) : issue.message];
  }));
}
