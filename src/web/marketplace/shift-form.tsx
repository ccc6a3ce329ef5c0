// Post one open shift or a series (chosen weekdays between two dates), in the location's own clock.
// The browser checks with the same zod schemas the server uses; the server's field errors land at
// the same fields.
import { useState } from 'react';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { ZCreateShiftRequest, ZCreateShiftSeriesRequest, type TCreateShiftRequest, type TCreateShiftSeriesRequest, type TShift } from '../../shared/shifts.schemas';
import { ErrorMessage, Field, FormActions, SelectField, TextAreaField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { packageName } from '../format';
import { useI18n, weekdayName, type Translate } from '../i18n/i18n';
import { validate, type FieldErrors } from '../validation';
import { createShift, createShiftSeries } from './requests';
import { addDays } from './planner-week';
import { DEFAULT_ZONE, zonedToInstant } from './shift-format';

export type ShiftFormValues = {
  locationId: string;
  packageId: string;
  date: string;
  startTime: string;
  endTime: string;
  places: string;
  priority: string;
  supervisionCapacity: string;
  notes: string;
  weekdays: number[];
  fromDate: string;
  toDate: string;
};

export const defaultShiftForm = (locationId: string, date: string): ShiftFormValues => ({
  locationId,
  packageId: '',
  date,
  startTime: '07:00',
  endTime: '15:00',
  places: '1',
  priority: '3',
  supervisionCapacity: '0',
  notes: '',
  weekdays: [1, 2, 3, 4, 5],
  fromDate: date,
  toDate: addDays(date, 27),
});

export type ShiftFormRequest = { kind: 'shift'; body: TCreateShiftRequest } | { kind: 'series'; body: TCreateShiftSeriesRequest };

/** What the form would post, or the errors per field (keyed as the form's fields). */
export function checkShiftForm(form: ShiftFormValues, isSeries: boolean, timeZone: string, t: Translate): { errors: FieldErrors; request: ShiftFormRequest | null } {
  const required: FieldErrors = {};
  const requiredFields: (keyof ShiftFormValues)[] = ['packageId', 'startTime', 'endTime', ...(isSeries ? (['fromDate', 'toDate'] as const) : (['date'] as const))];
  for (const field of requiredFields) if (!form[field]) required[field] = t('marketplace.form.required');
  if (isSeries && form.weekdays.length === 0) required.weekdays = t('marketplace.form.weekdaysRequired');
  const common = {
    locationId: form.locationId,
    packageId: form.packageId,
    places: Number(form.places),
    priority: Number(form.priority),
    supervisionCapacity: Number(form.supervisionCapacity),
    notes: form.notes,
  };
  let checked: { errors: FieldErrors; request: ShiftFormRequest | null };
  if (isSeries) {
    const result = validate(ZCreateShiftSeriesRequest, { ...common, weekdays: form.weekdays, startTime: form.startTime, endTime: form.endTime, fromDate: form.fromDate, toDate: form.toDate }, t);
    const errors = result.errors ?? {};
    // The schema's date-range rules read as one sentence here.
    if (errors.toDate) errors.toDate = t('marketplace.form.toDateRange');
    checked = { errors, request: result.data ? { kind: 'series', body: result.data } : null };
  } else {
    const hasTimes = Boolean(form.date && form.startTime && form.endTime);
    let times = { start: '', end: '' };
    if (hasTimes) {
      // An end at or before the start is the next morning: a night shift.
      const endDate = form.endTime <= form.startTime ? addDays(form.date, 1) : form.date;
      times = { start: zonedToInstant(form.date, form.startTime, timeZone), end: zonedToInstant(endDate, form.endTime, timeZone) };
    }
    const result = validate(ZCreateShiftRequest, { ...common, ...times }, t);
    const { start, end, ...errors } = result.errors ?? {};
    checked = { errors: { ...errors, ...(hasTimes && start ? { startTime: start } : {}), ...(hasTimes && end ? { endTime: end } : {}) }, request: result.data ? { kind: 'shift', body: result.data } : null };
  }
  const errors = { ...checked.errors, ...required };
  return { errors, request: Object.keys(errors).length > 0 ? null : checked.request };
}

type LocationChoice = { id: string; name: string; timeZone: string };

export function ShiftForm({
  isSeries,
  locations,
  defaultLocationId,
  packages,
  defaultDate,
  onCancel,
  onPosted,
}: {
  isSeries: boolean;
  locations: LocationChoice[];
  defaultLocationId: string;
  packages: TActivityPackage[];
  defaultDate: string;
  onCancel: () => void;
  onPosted: (count: number, first: TShift | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<ShiftFormValues>(() => defaultShiftForm(defaultLocationId, defaultDate));
  const { errors, error, isBusy, submit } = useFormSubmit();
  const set = (patch: Partial<ShiftFormValues>) => setForm({ ...form, ...patch });
  const timeZone = locations.find((l) => l.id === form.locationId)?.timeZone ?? DEFAULT_ZONE;
  const post = async (request: ShiftFormRequest) => {
    if (request.kind === 'series') {
      const created = await createShiftSeries(request.body);
      onPosted(created.shifts.length, created.shifts[0]);
    } else {
      onPosted(1, await createShift(request.body));
    }
  };
  const numberField = (key: 'places' | 'priority' | 'supervisionCapacity', label: string, min: number, max: number) => (
    <Field label={label} type="number" inputMode="numeric" min={min} max={max} value={form[key]} error={errors[key]} onChange={(e) => set({ [key]: e.target.value })} testId={`form-${key}`} />
  );
  return (
    <form
      className="form card"
      data-testid="shift-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkShiftForm(form, isSeries, timeZone, t);
        void submit(checked.errors, checked.request, post);
      }}
    >
      <h2 className="card-title">{isSeries ? t('marketplace.form.seriesTitle') : t('marketplace.form.title')}</h2>
      {error !== null && <ErrorMessage error={error} />}
      <div className="filter-grid">
        <SelectField label={t('marketplace.form.location')} value={form.locationId} error={errors.locationId} onChange={(e) => set({ locationId: e.target.value })} testId="form-location">
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('marketplace.form.package')} value={form.packageId} error={errors.packageId} onChange={(e) => set({ packageId: e.target.value })} testId="form-package">
          <option value="" />
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {packageName(p, locale)}
            </option>
          ))}
        </SelectField>
        {isSeries ? (
          <>
            <Field label={t('marketplace.form.fromDate')} type="date" value={form.fromDate} error={errors.fromDate} onChange={(e) => set({ fromDate: e.target.value })} testId="form-from-date" />
            <Field label={t('marketplace.form.toDate')} type="date" value={form.toDate} error={errors.toDate} onChange={(e) => set({ toDate: e.target.value })} testId="form-to-date" />
          </>
        ) : (
          <Field label={t('marketplace.form.date')} type="date" value={form.date} error={errors.date} onChange={(e) => set({ date: e.target.value })} testId="form-date" />
        )}
        <Field label={t('marketplace.form.start')} type="time" value={form.startTime} error={errors.startTime ?? errors.start} onChange={(e) => set({ startTime: e.target.value })} testId="form-start" />
        <Field
          label={t('marketplace.form.end')}
          hint={t('marketplace.form.endHint')}
          type="time"
          value={form.endTime}
          error={errors.endTime ?? errors.end}
          onChange={(e) => set({ endTime: e.target.value })}
          testId="form-end"
        />
        {numberField('places', t('marketplace.form.places'), 1, 50)}
        {numberField('priority', t('marketplace.form.priority'), 1, 5)}
        {numberField('supervisionCapacity', t('marketplace.form.supervision'), 0, 20)}
      </div>
      {isSeries && (
        <fieldset className={`fieldset ${errors.weekdays ? 'field-invalid' : ''}`} data-testid="form-weekdays">
          <legend>{t('marketplace.form.weekdays')}</legend>
          <div className="weekday-picks">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  checked={form.weekdays.includes(d)}
                  data-testid={`form-weekday-${d}`}
                  onChange={(e) => set({ weekdays: e.target.checked ? [...form.weekdays, d].sort() : form.weekdays.filter((w) => w !== d) })}
                />
                {weekdayName(d, t)}
              </label>
            ))}
          </div>
          {errors.weekdays && (
            <p className="field-error" data-testid="form-weekdays-error">
              {errors.weekdays}
            </p>
          )}
        </fieldset>
      )}
      <TextAreaField label={t('marketplace.form.notes')} rows={3} maxLength={2000} value={form.notes} error={errors.notes} onChange={(e) => set({ notes: e.target.value })} testId="form-notes" />
      <FormActions submitLabel={t('marketplace.form.submit')} isBusy={isBusy} submitTestId="form-submit" onCancel={onCancel} cancelLabel={t('marketplace.form.cancel')} />
    </form>
  );
}
