// The organisation's answer to an offered candidate: accept, or decline with a reason and the
// next step ("laat niet los": another organisation, another package, or training).
import { useState } from 'react';
import { ZDeclineOffer, ZNextStep } from '../../shared/mediation.schemas';
import { ErrorMessage, TextAreaField } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { validate } from '../validation';
import { useFormSubmit } from '../components/use-form-submit';
import { acceptOffer, declineOffer } from './requests';

export function OfferAnswer({ offerId, onAnswered }: { offerId: string; onAnswered: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'idle' | 'decline'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const accept = async () => {
    setIsBusy(true);
    setError(null);
    try {
      await acceptOffer(offerId);
      onAnswered();
    } catch (e) {
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <div className="offer-answer">
      {mode === 'idle' ? (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={isBusy} data-testid="offer-accept" onClick={() => void accept()}>
            {t('mediation.offers.accept')}
          </button>
          <button type="button" className="button button-secondary" disabled={isBusy} data-testid="offer-decline" onClick={() => setMode('decline')}>
            {t('mediation.offers.decline')}
          </button>
        </div>
      ) : (
        <DeclineForm offerId={offerId} onDeclined={onAnswered} onClose={() => setMode('idle')} />
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

export function DeclineForm({ offerId, onDeclined, onClose }: { offerId: string; onDeclined: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [nextStep, setNextStep] = useState('');
  const { errors, error, isBusy, submit: send } = useFormSubmit();
  const submit = async () => {
    const checked = validate(ZDeclineOffer, { reason, nextStep }, t);
    const found = checked.errors ? { ...checked.errors, ...(checked.errors.nextStep ? { nextStep: t('mediation.decline.nextStepRequired') } : {}) } : {};
    await send(found, checked.data, async (data) => {
      await declineOffer(offerId, data);
      onDeclined();
    });
  };
  return (
    <form
      className="form decline-form"
      data-testid="decline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextAreaField label={t('mediation.decline.reason')} hint={t('mediation.decline.reasonHint')} value={reason} maxLength={500} error={errors.reason} onChange={(e) => setReason(e.target.value)} testId="decline-reason" />
      <fieldset className={`fieldset ${errors.nextStep ? 'field-invalid' : ''}`} data-testid="decline-next-step">
        <legend>{t('mediation.decline.nextStep')}</legend>
        <p className="field-hint">{t('mediation.decline.nextStepHint')}</p>
        {ZNextStep.options.map((step) => (
          <label key={step} className="check">
            <input type="radio" name={`next-step-${offerId}`} value={step} checked={nextStep === step} onChange={() => setNextStep(step)} data-testid={`next-step-${step}`} />
            {t(`mediation.nextStep.${step}`)}
          </label>
        ))}
        {errors.nextStep && (
          <p className="field-error" data-testid="decline-next-step-error">
            {errors.nextStep}
          </p>
        )}
      </fieldset>
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy} data-testid="decline-submit">
          {t('mediation.decline.submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('mediation.cancel')}
        </button>
      </div>
    </form>
  );
}
