// A worker's dated exceptions to their weekly availability: upcoming ones listed, one added or changed
// (dates and times in the region's zone, whole days when the times are left empty), one deleted. Phone first.
import { useState, type SyntheticEvent } from 'react';
import { MAX_EXCEPTION_DAYS, ZAvailabilityException, type TAvailabilityExceptionRequest, type TAvailabilityExceptionView } from '../../shared/workers.schemas';
import { api } from '../api';
import { Card, ErrorMessage, Field, FormActions, Loading, SelectField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { useI18n, type Translate } from '../i18n/i18n';
import { DEFAULT_ZONE, formatMoment, localDate, zonedToInstant } from '../marketplace/shift-format';
import { listRegions } from '../requests';
import { useLoad } from '../use-load';
import { validate, type FieldErrors } from '../validation';

const exceptionsUrl = (workerId: string) => `/api/workers/${encodeURIComponent(workerId)}/availability-exceptions`;
export const listAvailabilityExceptions = (workerId: string) => api.get<TAvailabilityExceptionView[]>(exceptionsUrl(workerId));
export const addAvailabilityException = (workerId: string, exception: TAvailabilityExceptionRequest) => api.post<TAvailabilityExceptionView>(exceptionsUrl(workerId), exception);
export const changeAvailabilityException = (id: string, exception: TAvailabilityExceptionRequest) =>
  api.put<TAvailabilityExceptionView>(`/api/availability-exceptions/${encodeURIComponent(id)}`, exception);
export const deleteAvailabilityException = (id: string) => api.delete<undefined>(`/api/availability-exceptions/${encodeURIComponent(id)}`);

async function loadExceptions(workerId: string, regionId: string) {
  const [exceptions, regions] = await Promise.all([listAvailabilityExceptions(workerId), listRegions().catch(() => [])]);
  return { exceptions, timeZone: regions.find((r) => r.id === regionId)?.timeZone ?? DEFAULT_ZONE };
}

export function AvailabilityExceptionsCard({ workerId, regionId }: { workerId: string; regionId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => loadExceptions(workerId, regionId), [workerId, regionId]);
  const [isAdding, setIsAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<'added' | 'changed' | 'deleted' | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { exceptions, timeZone } = loaded.data;
  const period = (e: TAvailabilityExceptionView) => t('exceptions.period', { from: formatMoment(e.start, timeZone, locale), until: formatMoment(e.end, timeZone, locale) });

  const sorted = (list: TAvailabilityExceptionView[]) => [...list].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

  const remove = async (exception: TAvailabilityExceptionView) => {
    setDeleteError(null);
    setNotice(null);
    try {
      await deleteAvailabilityException(exception.id);
      loaded.setData({ timeZone, exceptions: exceptions.filter((e) => e.id !== exception.id) });
      setNotice('deleted');
    } catch (reason) {
      setDeleteError(reason);
    }
  };

  return (
    <Card title={t('exceptions.title')} testId="availability-exceptions">
      <p className="muted">{t('exceptions.hint', { zone: timeZone })}</p>
      {notice && (
        <p className="alert alert-success" role="status" data-testid={`exception-${notice}`}>
          {t(`exceptions.${notice}`)}
        </p>
      )}
      {deleteError !== null && <ErrorMessage error={deleteError} testId="exception-delete-error" />}
      {exceptions.length === 0 ? (
        <p className="muted" data-testid="exceptions-none">
          {t('exceptions.none')}
        </p>
      ) : (
        <ul className="list" data-testid="exception-list">
          {exceptions.map((e) =>
            editingId === e.id ? (
              <li key={e.id}>
                <ExceptionForm
                  workerId={workerId}
                  timeZone={timeZone}
                  editing={e}
                  onCancel={() => setEditingId(null)}
                  onSaved={(changed) => {
                    loaded.setData({ timeZone, exceptions: sorted(exceptions.map((x) => (x.id === changed.id ? changed : x))) });
                    setEditingId(null);
                    setNotice('changed');
                  }}
                />
              </li>
            ) : (
              <li key={e.id} data-testid="exception-item">
                <span className={`badge ${e.isAvailable ? 'badge-strong' : ''}`}>{t(e.isAvailable ? 'exceptions.kind.available' : 'exceptions.kind.unavailable')}</span>{' '}
                <span data-testid="exception-period">{period(e)}</span>
                {e.reason && <span className="muted"> · {e.reason}</span>}{' '}
                <button
                  type="button"
                  className="button button-ghost"
                  aria-label={t('exceptions.changeLabel', { period: period(e) })}
                  data-testid="exception-change"
                  onClick={() => {
                    setEditingId(e.id);
                    setIsAdding(false);
                    setNotice(null);
                  }}
                >
                  {t('exceptions.change')}
                </button>
                <button type="button" className="button button-ghost" aria-label={t('exceptions.deleteLabel', { period: period(e) })} data-testid="exception-delete" onClick={() => void remove(e)}>
                  {t('exceptions.delete')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {isAdding ? (
        <ExceptionForm
          workerId={workerId}
          timeZone={timeZone}
          onCancel={() => setIsAdding(false)}
          onSaved={(added) => {
            loaded.setData({ timeZone, exceptions: sorted([...exceptions, added]) });
            setIsAdding(false);
            setNotice('added');
          }}
        />
      ) : (
        <button
          type="button"
          className="button button-secondary card-action"
          data-testid="add-exception"
          onClick={() => {
            setIsAdding(true);
            setEditingId(null);
            setNotice(null);
          }}
        >
          {t('exceptions.add')}
        </button>
      )}
    </Card>
  );
}

export type ExceptionFormValues = { kind: 'unavailable' | 'available'; fromDate: string; fromTime: string; untilDate: string; untilTime: string; reason: string };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const localClock = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));

/** An exception as the form shows it: local midnights as whole days (empty times), as they were entered. */
export function exceptionFormValues(e: TAvailabilityExceptionView, timeZone: string): ExceptionFormValues {
  const fromTime = localClock(e.start, timeZone);
  const untilTime = localClock(e.end, timeZone);
  const untilDate = localDate(e.end, timeZone);
  return {
    kind: e.isAvailable ? 'available' : 'unavailable',
    fromDate: localDate(e.start, timeZone),
    fromTime: fromTime === '00:00' ? '' : fromTime,
    untilDate: untilTime === '00:00' ? addDays(untilDate, -1) : untilDate,
    untilTime: untilTime === '00:00' ? '' : untilTime,
    reason: e.reason,
  };
}

/**
 * The form as a request, or its errors by field. Dates are wall-clock days in `timeZone`: without a
 * time the exception runs from the first day's midnight to the midnight after the last day.
 */
export function checkExceptionForm(form: ExceptionFormValues, timeZone: string, t: Translate): { request: TAvailabilityExceptionRequest | null; errors: FieldErrors } {
  const missing: FieldErrors = {};
  if (!form.fromDate) missing.start = t('exceptions.error.required');
  if (!form.untilDate) missing.end = t('exceptions.error.required');
  if (Object.keys(missing).length) return { request: null, errors: missing };
  const start = zonedToInstant(form.fromDate, form.fromTime || '00:00', timeZone);
  const end = form.untilTime ? zonedToInstant(form.untilDate, form.untilTime, timeZone) : zonedToInstant(addDays(form.untilDate, 1), '00:00', timeZone);
  const request = { isAvailable: form.kind === 'available', start, end, reason: form.reason };
  const result = validate(ZAvailabilityException, request, t);
  if (result.errors) return { request: null, errors: { ...result.errors, ...(result.errors.end ? { end: t('exceptions.error.endAfterStart') } : {}) } };
  return { request, errors: {} };
}

/** The server's English field messages in the interface language. */
function localErrors(errors: FieldErrors, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (message.startsWith('overlaps')) out[path] = t('exceptions.error.overlap');
    else if (message === 'must be in the future') out[path] = t('exceptions.error.endInFuture');
    else if (message === 'must be after start') out[path] = t('exceptions.error.endAfterStart');
    else if (message.startsWith('must be at most')) out[path] = t('exceptions.error.tooLong', { days: MAX_EXCEPTION_DAYS });
    else out[path] = message;
  }
  return out;
}

function ExceptionForm({
  workerId,
  timeZone,
  editing,
  onSaved,
  onCancel,
}: {
  workerId: string;
  timeZone: string;
  /** The exception being changed; a new one when absent. */
  editing?: TAvailabilityExceptionView;
  onSaved: (exception: TAvailabilityExceptionView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<ExceptionFormValues>(() =>
    editing ? exceptionFormValues(editing, timeZone) : { kind: 'unavailable', fromDate: '', fromTime: '', untilDate: '', untilTime: '', reason: '' },
  );
  const { errors: found, error, isBusy, submit: send } = useFormSubmit();
  const errors = localErrors(found, t);
  const set = (field: keyof ExceptionFormValues) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = checkExceptionForm(form, timeZone, t);
    void send(checked.errors, checked.request, async (request) => onSaved(await (editing ? changeAvailabilityException(editing.id, request) : addAvailabilityException(workerId, request))));
  };

  return (
    <Card title={t(editing ? 'exceptions.change' : 'exceptions.add')} headingLevel={3} testId="exception-form" className="card-nested">
      {error !== null && <ErrorMessage error={error} testId="exception-error" />}
      <form className="form" noValidate onSubmit={submit}>
        <SelectField label={t('exceptions.kind')} value={form.kind} onChange={set('kind')} error={errors.isAvailable} testId="exception-kind">
          <option value="unavailable">{t('exceptions.kind.unavailable')}</option>
          <option value="available">{t('exceptions.kind.available')}</option>
        </SelectField>
        <Field label={t('exceptions.fromDate')} type="date" value={form.fromDate} onChange={set('fromDate')} error={errors.start} testId="exception-from-date" />
        <Field label={t('exceptions.fromTime')} hint={t('exceptions.timeHint')} type="time" value={form.fromTime} onChange={set('fromTime')} testId="exception-from-time" />
        <Field label={t('exceptions.untilDate')} type="date" value={form.untilDate} onChange={set('untilDate')} error={errors.end} testId="exception-until-date" />
        <Field label={t('exceptions.untilTime')} hint={t('exceptions.timeHint')} type="time" value={form.untilTime} onChange={set('untilTime')} testId="exception-until-time" />
        <Field
          label={t('exceptions.reason')}
          hint={t('exceptions.reasonHint')}
          list="exception-reasons"
          maxLength={200}
          value={form.reason}
          onChange={set('reason')}
          error={errors.reason}
          testId="exception-reason"
        />
        <datalist id="exception-reasons">
          <option value={t('exceptions.reason.holiday')} />
          <option value={t('exceptions.reason.sick')} />
          <option value={t('exceptions.reason.exam')} />
        </datalist>
        <FormActions submitLabel={t('exceptions.save')} isBusy={isBusy} submitTestId="exception-save" onCancel={onCancel} />
      </form>
    </Card>
  );
}
