// A reason the other side will read: rejecting a claim or swap, cancelling a shift or an assignment.
import { useState } from 'react';
import { ZReasonRequest } from '../../shared/shifts.schemas';
import { Field, FormActions } from '../components/ui';
import { useI18n } from '../i18n/i18n';

export function ReasonForm({ onSubmit, onClose, isOptional = false, label }: { onSubmit: (reason: string) => Promise<void>; onClose: () => void; isOptional?: boolean; label?: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  // The same rule the server applies: at least 3 characters when the reason is required.
  const isValid = isOptional || ZReasonRequest.safeParse({ reason }).success;
  return (
    <form
      className="form reason-form"
      data-testid="reason-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isValid) return;
        setIsBusy(true);
        void onSubmit(reason.trim()).finally(() => setIsBusy(false));
      }}
    >
      <Field label={label ?? t('marketplace.reason')} hint={isOptional ? undefined : t('marketplace.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} testId="reason" maxLength={500} />
      <FormActions submitLabel={t('marketplace.confirm')} isBusy={!isValid || isBusy} submitTestId="reason-confirm" onCancel={onClose} cancelLabel={t('marketplace.close')} />
    </form>
  );
}
