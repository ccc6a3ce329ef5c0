// The submit cycle the forms share: errors found in the browser stay at their fields; otherwise the
// request runs with the button disabled, and a refusal shows the message plus the server's field errors.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { serverFieldErrors, type FieldErrors } from '../validation';

export function useFormSubmit() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);

  /** Sends `data` when `found` is empty; `send` resolves once the caller has taken the answer. */
  const submit = async <T>(found: FieldErrors, data: T | null, send: (data: T) => Promise<void>): Promise<void> => {
    setError(null);
    if (Object.keys(found).length > 0 || data === null) {
      setErrors(found);
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      await send(data);
    } catch (reason) {
      setError(reason);
      setErrors(serverFieldErrors(reason, t));
    } finally {
      setIsBusy(false);
    }
  };

  return { errors, error, isBusy, submit };
}
