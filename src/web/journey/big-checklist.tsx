// The BIG re-registration checklist per registration: hours (in Harmonica and declared), training,
// expiry, with the person (or their mediator) keeping the declared hours and training up to date.
import { useState } from 'react';
import { type TBigChecklistItem } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Field, FormActions, Loading } from '../components/ui';
import { formatDate, formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { getBigChecklist, updateBigChecklist } from './requests';

export function BigChecklist({ workerId }: { workerId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => getBigChecklist(workerId), [workerId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  if (loaded.data.items.length === 0) return null;
  return (
    <Card title={t('journey.big.title')} testId="big-checklist">
      <p className="muted">{t('journey.big.intro')}</p>
      <ul className="step-list">
        {loaded.data.items.map((item) => (
          <BigItem key={item.credentialId} item={item} workerId={workerId} onSaved={(items) => loaded.setData({ ...loaded.data!, items })} />
        ))}
      </ul>
    </Card>
  );
}

function BigItem({ item, workerId, onSaved }: { item: TBigChecklistItem; workerId: string; onSaved: (items: TBigChecklistItem[]) => void }) {
  const { t, locale } = useI18n();
  const [isEditing, setIsEditing] = useState(false);
  const total = item.hoursInHarmonica + item.declaredHours;
  const tone = item.status === 'ok' || item.status === 'no_expiry' ? 'badge-verified' : item.status === 'attention' ? 'badge-unverified' : 'badge-rejected';
  return (
    <li className="location" data-testid="big-item">
      <p className="shift-headline">
        <span className="location-name">{item.profession}</span>
        <span className={`badge ${tone}`} data-testid="big-status">
          {t(`journey.big.status.${item.status}`)}
        </span>
      </p>
      <ul className="checklist">
        <li data-done={item.expiresOn !== null && (item.daysToExpiry ?? 0) > 0}>
          {item.expiresOn
            ? t('journey.big.expires', { date: formatDate(item.expiresOn, locale), days: formatNumber(item.daysToExpiry ?? 0, locale) })
            : t('journey.big.noExpiry')}
        </li>
        <li data-done={item.hasEnoughHours} data-testid="big-hours">
          {item.hasEnoughHours ? '✓ ' : '○ '}
          {t('journey.big.hours', {
            total: formatNumber(Math.round(total), locale),
            required: formatNumber(item.requiredHours, locale),
            harmonica: formatNumber(Math.round(item.hoursInHarmonica), locale),
            declared: formatNumber(item.declaredHours, locale),
          })}
        </li>
        <li data-done={item.isTrainingDone} data-testid="big-training">
          {item.isTrainingDone ? '✓ ' : '○ '}
          {t(item.isTrainingDone ? 'journey.big.trainingDone' : 'journey.big.trainingOpen')}
        </li>
        {item.accreditationNote && <li>{item.accreditationNote}</li>}
      </ul>
      {isEditing ? (
        <BigForm
          item={item}
          workerId={workerId}
          onCancel={() => setIsEditing(false)}
          onSaved={(items) => {
            setIsEditing(false);
            onSaved(items);
          }}
        />
      ) : (
        <button type="button" className="button button-secondary" data-testid="big-edit" onClick={() => setIsEditing(true)}>
          {t('journey.big.edit')}
        </button>
      )}
    </li>
  );
}

function BigForm({ item, workerId, onSaved, onCancel }: { item: TBigChecklistItem; workerId: string; onSaved: (items: TBigChecklistItem[]) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [declaredHours, setDeclaredHours] = useState(String(item.declaredHours));
  const [isTrainingDone, setIsTrainingDone] = useState(item.isTrainingDone);
  const [accreditationNote, setAccreditationNote] = useState(item.accreditationNote);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const hours = Number(declaredHours);
  const isHoursValid = declaredHours.trim() !== '' && Number.isFinite(hours) && hours >= 0 && hours <= 20_000;
  return (
    <form
      className="form step-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!isHoursValid) return;
        setIsBusy(true);
        setError(null);
        updateBigChecklist(workerId, item.credentialId, { declaredHours: hours, isTrainingDone, accreditationNote })
          .then((checklist) => onSaved(checklist.items), setError)
          .finally(() => setIsBusy(false));
      }}
    >
      <Field
        label={t('journey.big.declaredHours')}
        hint={t('journey.big.declaredHoursHint')}
        type="number"
        inputMode="numeric"
        min={0}
        max={20000}
        value={declaredHours}
        error={isHoursValid ? undefined : t('validation.number')}
        onChange={(e) => setDeclaredHours(e.target.value)}
        testId="big-declared"
      />
      <label className="check">
        <input type="checkbox" checked={isTrainingDone} onChange={(e) => setIsTrainingDone(e.target.checked)} data-testid="big-training-input" />
        {t('journey.big.trainingInput')}
      </label>
      <Field label={t('journey.big.note')} value={accreditationNote} maxLength={1000} onChange={(e) => setAccreditationNote(e.target.value)} testId="big-note" />
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={t('journey.big.save')} isBusy={isBusy} submitTestId="big-save" onCancel={onCancel} cancelLabel={t('mediation.cancel')} />
    </form>
  );
}
