// Edit home postcode, phone, travel radius, hours, activity packages, preferred organisations and weekly availability. Validated in the
// browser with the shared ZUpdateWorkerRequest, and the server's field errors appear at the same fields.
import { useState, type SyntheticEvent } from 'react';
import type { TOrganisation } from '../../shared/organisations.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { ZUpdateWorkerRequest, type TWorkerProfile } from '../../shared/workers.schemas';
import { Card, ErrorMessage, Field, FormActions, SelectField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { formatClock, packageName, parseClock } from '../format';
import { useI18n, weekdayName } from '../i18n/i18n';
import { updateWorker } from '../requests';
import { validate, type FieldErrors } from '../validation';

type WindowRow = { key: number; weekday: number; start: string; end: string };

let nextKey = 1;
const toRow = (weekday: number, startMinute: number, endMinute: number): WindowRow => ({
  key: nextKey++,
  weekday,
  start: formatClock(startMinute),
  end: formatClock(endMinute),
});

/** "7,5" or "7.5" hours → minutes; '' → null; anything else → NaN (zod reports it). */
function hoursToMinutes(value: string): number | null {
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  const hours = Number(text);
  return Number.isFinite(hours) ? Math.round(hours * 60) : Number.NaN;
}

/** '' → null; a whole number → that number; anything else → NaN (zod reports it). */
const minDaysValue = (value: string) => (value.trim() === '' ? null : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

const hoursText = (minutes: number | null) => (minutes === null ? '' : String(minutes / 60));

export function WorkerProfileForm({
  profile,
  packages,
  organisations,
  onSaved,
  onCancel,
}: {
  profile: TWorkerProfile;
  packages: TActivityPackage[];
  /** The region's organisations to prefer; without them the preferences are left as they are. */
  organisations?: Pick<TOrganisation, 'id' | 'name'>[];
  onSaved: (profile: TWorkerProfile) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [postcode, setPostcode] = useState(profile.homePostcode);
  const [phone, setPhone] = useState(profile.phone);
  const [travel, setTravel] = useState(String(profile.maxTravelKm));
  const [minDays, setMinDays] = useState(profile.minDaysPerYear === null ? '' : String(profile.minDaysPerYear));
  const [maxHours, setMaxHours] = useState(hoursText(profile.maxMinutesPerWeek));
  const [desiredHours, setDesiredHours] = useState(hoursText(profile.desiredMinutesPerWeek));
  const [packageIds, setPackageIds] = useState<string[]>(profile.packageIds);
  const [preferredIds, setPreferredIds] = useState<string[]>(profile.preferredOrganisationIds);
  const [rows, setRows] = useState<WindowRow[]>(() => profile.weeklyAvailability.map((w) => toRow(w.weekday, w.startMinute, w.endMinute)));
  const { errors, error, isBusy, submit: send } = useFormSubmit();

  const togglePackage = (id: string, isChecked: boolean) =>
    setPackageIds((ids) => (isChecked ? [...ids, id] : ids.filter((other) => other !== id)));
  const updateRow = (key: number, patch: Partial<WindowRow>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const clockErrors: FieldErrors = {};
    const weeklyAvailability = rows.map((row, i) => {
      const startMinute = parseClock(row.start);
      let endMinute = parseClock(row.end);
      if (startMinute === null) clockErrors[`weeklyAvailability[${i}].startMinute`] = t('validation.required');
      if (endMinute === null) clockErrors[`weeklyAvailability[${i}].endMinute`] = t('validation.required');
      // An end at or before the start means the window runs past midnight (a night).
      if (startMinute !== null && endMinute !== null && endMinute <= startMinute) endMinute += 1440;
      return { weekday: row.weekday, startMinute: startMinute ?? 0, endMinute: endMinute ?? 1 };
    });
    const travelKm = travel.trim() === '' ? Number.NaN : Number(travel.trim());
    const body = {
      // Postcode and phone only when changed (a new postcode moves the home the distances are measured from).
      ...(postcode.trim() !== profile.homePostcode ? { homePostcode: postcode } : {}),
      ...(phone.trim() !== profile.phone ? { phone } : {}),
      maxTravelKm: travelKm,
      // A reservist's minimum days a year (empty: none), only when changed.
      ...(minDaysValue(minDays) !== profile.minDaysPerYear ? { minDaysPerYear: minDaysValue(minDays) } : {}),
      maxMinutesPerWeek: hoursToMinutes(maxHours),
      desiredMinutesPerWeek: hoursToMinutes(desiredHours),
      packageIds,
      ...(organisations ? { preferredOrganisationIds: preferredIds } : {}),
      weeklyAvailability,
    };
    const result = validate(ZUpdateWorkerRequest, body, t);
    if (travel.trim() === '') clockErrors.maxTravelKm = t('validation.required');
    void send({ ...(result.errors ?? {}), ...clockErrors }, result.data, async (data) => onSaved(await updateWorker(profile.id, data)));
  };

  const preferredError = Object.entries(errors).find(([path]) => path.startsWith('preferredOrganisationIds'))?.[1];
  const packageError = Object.entries(errors).find(([path]) => path.startsWith('packageIds'))?.[1];
  const rowError = (i: number, field: 'startMinute' | 'endMinute' | 'weekday') => errors[`weeklyAvailability[${i}].${field}`];

  return (
    <Card title={t('worker.edit')} testId="worker-profile-form">
      <p className="muted">{t('worker.editIntro')}</p>
      {error !== null && <ErrorMessage error={error} testId="profile-error" />}
      <form className="form" noValidate onSubmit={submit}>
        <div className="grid grid-3">
          <Field
            label={t('worker.postcode')}
            hint={t('worker.form.postcodeHint')}
            value={postcode}
            maxLength={7}
            autoComplete="postal-code"
            onChange={(event) => setPostcode(event.target.value)}
            error={errors.homePostcode}
            testId="form-postcode"
          />
          <Field
            label={t('worker.phone')}
            type="tel"
            value={phone}
            maxLength={40}
            autoComplete="tel"
            onChange={(event) => setPhone(event.target.value)}
            error={errors.phone}
            testId="form-phone"
          />
          <Field
            label={t('worker.form.travel')}
            type="number"
            inputMode="numeric"
            min={1}
            max={300}
            value={travel}
            onChange={(event) => setTravel(event.target.value)}
            error={errors.maxTravelKm}
            testId="form-travel"
          />
          <Field
            label={t('worker.form.desiredHours')}
            hint={t('worker.form.hoursHint')}
            inputMode="decimal"
            value={desiredHours}
            onChange={(event) => setDesiredHours(event.target.value)}
            error={errors.desiredMinutesPerWeek}
            testId="form-desired-hours"
          />
          <Field
            label={t('worker.form.maxHours')}
            hint={t('worker.form.hoursHint')}
            inputMode="decimal"
            value={maxHours}
            onChange={(event) => setMaxHours(event.target.value)}
            error={errors.maxMinutesPerWeek}
            testId="form-max-hours"
          />
          {profile.kind === 'reservist' && (
            <Field
              label={t('worker.form.minDays')}
              hint={t('worker.form.minDaysHint')}
              inputMode="numeric"
              value={minDays}
              onChange={(event) => setMinDays(event.target.value)}
              error={errors.minDaysPerYear}
              testId="form-min-days"
            />
          )}
        </div>

        <fieldset className="fieldset" aria-describedby={packageError ? 'package-error' : undefined}>
          <legend>{t('worker.form.packages')}</legend>
          {packages.map((pkg) => (
            <label key={pkg.id} className="check">
              <input
                type="checkbox"
                checked={packageIds.includes(pkg.id)}
                onChange={(event) => togglePackage(pkg.id, event.target.checked)}
                data-testid={`form-package-${pkg.code}`}
              />
              <span>
                {packageName(pkg, locale)}
                {pkg.requiresRegistration && <span className="muted"> · {t('worker.form.packageNeedsRegistration')}</span>}
              </span>
            </label>
          ))}
          {packageError && (
            <p id="package-error" className="field-error">
              {packageError}
            </p>
          )}
        </fieldset>

        {organisations && organisations.length > 0 && (
          <fieldset className="fieldset" data-testid="form-preferred">
            <legend>{t('worker.form.preferred')}</legend>
            <p className="field-hint">{t('worker.form.preferredHint')}</p>
            {organisations.map((organisation) => (
              <label key={organisation.id} className="check">
                <input
                  type="checkbox"
                  checked={preferredIds.includes(organisation.id)}
                  onChange={(event) => {
                    const isChecked = event.target.checked;
                    setPreferredIds((ids) => (isChecked ? [...ids, organisation.id] : ids.filter((other) => other !== organisation.id)));
                  }}
                  data-testid={`form-preferred-${organisation.id}`}
                />
                <span>{organisation.name}</span>
              </label>
            ))}
            {preferredError && (
              <p className="field-error" role="alert">
                {preferredError}
              </p>
            )}
          </fieldset>
        )}

        <fieldset className="fieldset">
          <legend>{t('worker.form.availability')}</legend>
          <p className="field-hint">{t('worker.form.availabilityHint')}</p>
          {rows.map((row, i) => (
            <div key={row.key} className="window-row" data-testid="form-window">
              <SelectField label={t('worker.form.day')} className="window-day" value={row.weekday} onChange={(event) => updateRow(row.key, { weekday: Number(event.target.value) })}>
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <option key={day} value={day}>
                    {weekdayName(day, t)}
                  </option>
                ))}
              </SelectField>
              <Field
                label={t('worker.form.start')}
                className="window-start"
                type="time"
                value={row.start}
                onChange={(event) => updateRow(row.key, { start: event.target.value })}
                error={rowError(i, 'startMinute')}
                testId={`form-window-${i}-start`}
              />
              <Field
                label={t('worker.form.end')}
                className="window-end"
                type="time"
                value={row.end}
                onChange={(event) => updateRow(row.key, { end: event.target.value })}
                error={rowError(i, 'endMinute')}
                testId={`form-window-${i}-end`}
              />
              <button
                type="button"
                className="button button-ghost window-remove"
                aria-label={t('worker.form.removeWindow', { n: i + 1 })}
                onClick={() => setRows((all) => all.filter((other) => other.key !== row.key))}
              >
                ✕
              </button>
            </div>
          ))}
          <button type="button" className="button button-secondary" data-testid="form-add-window" onClick={() => setRows((all) => [...all, toRow(1, 9 * 60, 17 * 60)])}>
            {t('worker.form.addWindow')}
          </button>
        </fieldset>

        <FormActions submitLabel={isBusy ? t('worker.form.saving') : t('worker.form.save')} isBusy={isBusy} submitTestId="form-save" onCancel={onCancel} />
      </form>
    </Card>
  );
}

