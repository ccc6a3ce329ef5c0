// The planner's marketplace: shifts per location and week with places filled and claims
// waiting, the form for one shift or a series, the import, the organisation's settings, and
// per shift who is coming with approve / reject / cancel.
import { useState } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TOrganisationDetail } from '../../shared/organisations.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TShiftImportReport } from '../../shared/shift-import.schemas';
import type { TShift } from '../../shared/shifts.schemas';
import { ApiError } from '../api';
import { Card, ErrorMessage, Field, Loading } from '../components/ui';
import { packageName } from '../format';
import { useI18n, weekdayName } from '../i18n/i18n';
import { getOrganisation, listPackages } from '../requests';
import { Link } from '../router';
import { plannedOrganisationIds } from '../session';
import { useLoad } from '../use-load';
import { ReasonForm } from './my-shifts';
import {
  approveClaim,
  cancelAssignment,
  cancelShift,
  createShift,
  createShiftSeries,
  getOrganisationSettings,
  getShift,
  importShifts,
  listShifts,
  rejectClaim,
  updateOrganisationSettings,
} from './requests';
import { formatShiftWhen, localDate, statusKey, zonedToInstant } from './shift-format';

const DAY_MS = 86_400_000;

/** Monday of the week holding `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

type PlannerData = { organisations: TOrganisationDetail[]; packages: TActivityPackage[] };

async function loadPlanner(me: TMe): Promise<PlannerData> {
  const organisations = await Promise.all(plannedOrganisationIds(me).map(getOrganisation));
  const packages = await listPackages(organisations[0]?.regionId);
  return { organisations, packages };
}

type Panel = 'none' | 'shift' | 'series' | 'import' | 'settings';

export function PlannerShiftsPage({ me }: { me: TMe }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => loadPlanner(me), [me.id]);
  const [locationId, setLocationId] = useState('');
  const [chosenWeek, setWeek] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>('none');
  const [message, setMessage] = useState<string | null>(null);
  const locations = loaded.data?.organisations.flatMap((o) => o.locations.map((l) => ({ ...l, organisationName: o.name }))) ?? [];
  const location = locations.find((l) => l.id === locationId) ?? locations[0];
  const timeZone = location?.timeZone ?? 'Europe/Amsterdam';
  // Until the planner picks a week: the week of the location's next open shift (else this week).
  const next = useLoad(
    () => (location ? listShifts({ locationId: location.id, from: new Date().toISOString(), status: 'open', limit: 1 }) : Promise.resolve([] as TShift[])),
    [location?.id],
  );
  const nextShift = next.data?.[0];
  const week = chosenWeek ?? mondayOf(localDate(nextShift?.start ?? new Date(), timeZone));
  const shifts = useLoad(
    () =>
      location && (next.data || next.error)
        ? listShifts({ locationId: location.id, from: zonedToInstant(week, '00:00', timeZone), to: zonedToInstant(addDays(week, 7), '00:00', timeZone) })
        : Promise.resolve([] as TShift[]),
    [location?.id, week, next.data === undefined && next.error === null],
  );
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || (location && next.isLoading && !next.data)) return <Loading />;
  const { organisations, packages } = loaded.data;
  const organisation = organisations.find((o) => o.id === location?.organisationId) ?? organisations[0];
  const toggle = (next: Panel) => {
    setPanel(panel === next ? 'none' : next);
    setMessage(null);
  };
  const done = (text: string) => {
    setPanel('none');
    setMessage(text);
    shifts.reload();
  };
  const byPackage = new Map(packages.map((p) => [p.id, p]));
  const sorted = [...(shifts.data ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <section className="page" data-testid="planner-shifts-page">
      <h1>{t('marketplace.planner.title')}</h1>
      {!location ? (
        <p className="alert alert-info">{t('planner.noLocations')}</p>
      ) : (
        <>
          <div className="toolbar planner-toolbar">
            <div className="field">
              <label htmlFor="planner-location">{t('marketplace.planner.location')}</label>
              <select id="planner-location" value={location.id} data-testid="planner-location" onChange={(e) => {
                  setLocationId(e.target.value);
                  setWeek(null);
                }}>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {organisations.length > 1 ? `${l.organisationName} · ${l.name}` : l.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="week-nav" role="group" aria-label={t('marketplace.planner.week', { date: week })}>
              <button type="button" className="button button-secondary" aria-label={t('marketplace.planner.prevWeek')} onClick={() => setWeek(addDays(week, -7))}>
                ←
              </button>
              <span className="week-label" data-testid="planner-week">
                {t('marketplace.planner.week', { date: new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${week}T12:00:00Z`)) })}
              </span>
              <button type="button" className="button button-secondary" aria-label={t('marketplace.planner.nextWeek')} data-testid="next-week" onClick={() => setWeek(addDays(week, 7))}>
                →
              </button>
            </div>
          </div>
          <div className="form-actions">
            <button type="button" className="button button-primary" data-testid="new-shift" aria-expanded={panel === 'shift'} onClick={() => toggle('shift')}>
              {t('marketplace.planner.newShift')}
            </button>
            <button type="button" className="button button-secondary" data-testid="new-series" aria-expanded={panel === 'series'} onClick={() => toggle('series')}>
              {t('marketplace.planner.newSeries')}
            </button>
            <button type="button" className="button button-secondary" data-testid="import-shifts" aria-expanded={panel === 'import'} onClick={() => toggle('import')}>
              {t('marketplace.planner.import')}
            </button>
            <button type="button" className="button button-ghost" data-testid="org-settings" aria-expanded={panel === 'settings'} onClick={() => toggle('settings')}>
              {t('marketplace.planner.settings')}
            </button>
          </div>
          {message && (
            <p className="alert alert-success" role="status" data-testid="planner-message">
              {message}
            </p>
          )}
          {(panel === 'shift' || panel === 'series') && (
            <ShiftForm
              key={panel}
              isSeries={panel === 'series'}
              locations={locations}
              defaultLocationId={location.id}
              packages={packages}
              defaultDate={week}
              onCancel={() => setPanel('none')}
              onPosted={(count, first) => {
                if (first) {
                  setLocationId(first.locationId);
                  setWeek(mondayOf(localDate(first.start, first.timeZone)));
                }
                done(panel === 'series' ? t('marketplace.form.seriesPosted', { count }) : t('marketplace.form.posted'));
              }}
            />
          )}
          {panel === 'import' && <ImportPanel onImported={(count) => done(t('marketplace.import.done', { count }))} />}
          {panel === 'settings' && organisation && <SettingsPanel organisation={organisation} onSaved={() => done(t('marketplace.settings.saved'))} />}
          {shifts.error !== null && <ErrorMessage error={shifts.error} onRetry={shifts.reload} />}
          {shifts.isLoading && !shifts.data && <Loading />}
          {shifts.data && sorted.length === 0 && <p className="muted">{t('marketplace.planner.noShifts')}</p>}
          {sorted.length > 0 && (
            <ul className="shift-list planner-shift-list">
              {sorted.map((shift) => {
                const pkg = byPackage.get(shift.packageId);
                const isFull = shift.filled >= shift.places;
                return (
                  <li key={shift.id} className={`shift-card ${shift.status === 'cancelled' ? 'shift-card-ineligible' : ''}`} data-testid="planner-shift" data-shift-id={shift.id}>
                    <div className="shift-body">
                      <p className="shift-headline">
                        <Link to={`/planner/shifts/${shift.id}`} className="shift-when-inline" data-testid="planner-shift-link">
                          {formatShiftWhen(shift.start, shift.end, shift.timeZone, locale)}
                        </Link>
                        {shift.status === 'cancelled' ? (
                          <span className="badge badge-rejected">{t('marketplace.shiftCancelled')}</span>
                        ) : (
                          <span className={`badge ${isFull ? 'badge-verified' : 'badge-unverified'}`} data-testid="planner-shift-filled">
                            {t('marketplace.places', { filled: shift.filled, places: shift.places })}
                          </span>
                        )}
                      </p>
                      <p className="shift-title">{pkg ? packageName(pkg, locale) : shift.packageCode}</p>
                      <p className="shift-meta">
                        <span>{t('marketplace.priority', { priority: shift.priority })}</span>
                        {shift.supervisionCapacity > 0 && <span>{t('marketplace.supervision', { count: shift.supervisionCapacity })}</span>}
                        {shift.pending > 0 && (
                          <span className="badge badge-strong" data-testid="planner-shift-pending">
                            {t('marketplace.waiting', { count: shift.pending })}
                          </span>
                        )}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

type FormState = {
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

function ShiftForm({
  isSeries,
  locations,
  defaultLocationId,
  packages,
  defaultDate,
  onCancel,
  onPosted,
}: {
  isSeries: boolean;
  locations: { id: string; name: string; timeZone: string; organisationName: string }[];
  defaultLocationId: string;
  packages: TActivityPackage[];
  defaultDate: string;
  onCancel: () => void;
  onPosted: (count: number, first: TShift | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<FormState>({
    locationId: defaultLocationId,
    packageId: '',
    date: defaultDate,
    startTime: '07:00',
    endTime: '15:00',
    places: '1',
    priority: '3',
    supervisionCapacity: '0',
    notes: '',
    weekdays: [1, 2, 3, 4, 5],
    fromDate: defaultDate,
    toDate: addDays(defaultDate, 27),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const submit = async () => {
    const found: Record<string, string> = {};
    if (!form.packageId) found.packageId = t('marketplace.form.required');
    if (!isSeries && !form.date) found.date = t('marketplace.form.required');
    if (!form.startTime) found.start = t('marketplace.form.required');
    if (!form.endTime) found.end = t('marketplace.form.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const timeZone = locations.find((l) => l.id === form.locationId)?.timeZone ?? 'Europe/Amsterdam';
    const common = {
      locationId: form.locationId,
      packageId: form.packageId,
      places: Number(form.places),
      priority: Number(form.priority),
      supervisionCapacity: Number(form.supervisionCapacity),
      notes: form.notes,
    };
    setIsBusy(true);
    setError(null);
    try {
      if (isSeries) {
        const created = await createShiftSeries({ ...common, weekdays: form.weekdays, startTime: form.startTime, endTime: form.endTime, fromDate: form.fromDate, toDate: form.toDate });
        onPosted(created.shifts.length, created.shifts[0]);
      } else {
        // An end at or before the start is the next morning: a night shift.
        const endDate = form.endTime <= form.startTime ? addDays(form.date, 1) : form.date;
        const shift = await createShift({ ...common, start: zonedToInstant(form.date, form.startTime, timeZone), end: zonedToInstant(endDate, form.endTime, timeZone) });
        onPosted(1, shift);
      }
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setErrors(e.fieldErrors());
      setError(e);
    } finally {
      setIsBusy(false);
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
        void submit();
      }}
    >
      <h2 className="card-title">{isSeries ? t('marketplace.form.seriesTitle') : t('marketplace.form.title')}</h2>
      {error !== null && <ErrorMessage error={error} />}
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="form-location">{t('marketplace.form.location')}</label>
          <select id="form-location" value={form.locationId} onChange={(e) => set({ locationId: e.target.value })}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${errors.packageId ? 'field-invalid' : ''}`}>
          <label htmlFor="form-package">{t('marketplace.form.package')}</label>
          <select id="form-package" value={form.packageId} data-testid="form-package" aria-invalid={errors.packageId ? true : undefined} onChange={(e) => set({ packageId: e.target.value })}>
            <option value="" />
            {packages.map((p) => (
              <option key={p.id} value={p.id}>
                {packageName(p, locale)}
              </option>
            ))}
          </select>
          {errors.packageId && <p className="field-error">{errors.packageId}</p>}
        </div>
        {isSeries ? (
          <>
            <Field label={t('marketplace.form.fromDate')} type="date" value={form.fromDate} error={errors.fromDate} onChange={(e) => set({ fromDate: e.target.value })} />
            <Field label={t('marketplace.form.toDate')} type="date" value={form.toDate} error={errors.toDate} onChange={(e) => set({ toDate: e.target.value })} />
          </>
        ) : (
          <Field label={t('marketplace.form.date')} type="date" value={form.date} error={errors.date} onChange={(e) => set({ date: e.target.value })} testId="form-date" />
        )}
        <Field label={t('marketplace.form.start')} type="time" value={form.startTime} error={errors.start ?? errors.startTime} onChange={(e) => set({ startTime: e.target.value })} testId="form-start" />
        <Field label={t('marketplace.form.end')} hint={t('marketplace.form.endHint')} type="time" value={form.endTime} error={errors.end ?? errors.endTime} onChange={(e) => set({ endTime: e.target.value })} testId="form-end" />
        {numberField('places', t('marketplace.form.places'), 1, 50)}
        {numberField('priority', t('marketplace.form.priority'), 1, 5)}
        {numberField('supervisionCapacity', t('marketplace.form.supervision'), 0, 20)}
      </div>
      {isSeries && (
        <fieldset className="fieldset">
          <legend>{t('marketplace.form.weekdays')}</legend>
          <div className="weekday-picks">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  checked={form.weekdays.includes(d)}
                  onChange={(e) => set({ weekdays: e.target.checked ? [...form.weekdays, d].sort() : form.weekdays.filter((w) => w !== d) })}
                />
                {weekdayName(d, t)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="form-notes">{t('marketplace.form.notes')}</label>
        <textarea id="form-notes" rows={3} maxLength={2000} value={form.notes} data-testid="form-notes" onChange={(e) => set({ notes: e.target.value })} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy} data-testid="form-submit">
          {t('marketplace.form.submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('marketplace.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function ImportPanel({ onImported }: { onImported: (count: number) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [report, setReport] = useState<TShiftImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (mode: 'all-or-nothing' | 'valid-rows', dryRun: boolean) => {
    if (!file) return;
    setError(null);
    try {
      const result = await importShifts({ filename: file.name, contentBase64: file.content, mode, dryRun });
      if (dryRun) setReport(result);
      else onImported(result.importedRows);
    } catch (e) {
      setError(e);
    }
  };
  const invalid = report ? report.rows.filter((r) => r.status === 'error') : [];
  return (
    <div className="card" data-testid="import-panel">
      <h2 className="card-title">{t('marketplace.import.title')}</h2>
      <p className="toolbar">
        {t('marketplace.import.template')}: <a href="/api/shift-imports/template.csv">CSV</a> <a href="/api/shift-imports/template.xlsx">Excel</a>
      </p>
      <div className="field">
        <label htmlFor="import-file">{t('marketplace.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            setReport(null);
            if (picked) readBase64(picked).then((content) => setFile({ name: picked.name, content }), setError);
          }}
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="button" className="button button-secondary" disabled={!file} data-testid="import-check" onClick={() => void run('all-or-nothing', true)}>
          {t('marketplace.import.check')}
        </button>
      </div>
      {report && (
        <div data-testid="import-report">
          <p className="lead">{t('marketplace.import.report', { valid: report.validRows, invalid: invalid.length })}</p>
          {invalid.length > 0 && (
            <ul className="list import-issues">
              {invalid.map((row) => (
                <li key={row.row}>
                  <strong>{t('marketplace.import.row', { row: row.row })}</strong>
                  <ul>
                    {row.issues.map((issue, i) => (
                      <li key={i}>
                        {issue.header ?? issue.column}: {issue.message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            {invalid.length === 0 ? (
              <button type="button" className="button button-primary" data-testid="import-run" onClick={() => void run('all-or-nothing', false)}>
                {t('marketplace.import.all')}
              </button>
            ) : (
              report.validRows > 0 && (
                <button type="button" className="button button-primary" data-testid="import-valid" onClick={() => void run('valid-rows', false)}>
                  {t('marketplace.import.validOnly')}
                </button>
              )
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function SettingsPanel({ organisation, onSaved }: { organisation: TOrganisationDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => getOrganisationSettings(organisation.id), [organisation.id]);
  const [error, setError] = useState<unknown>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const settings = loaded.data;
  const set = (patch: Partial<typeof settings>) => loaded.setData({ ...settings, ...patch });
  return (
    <form
      className="form card"
      data-testid="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        updateOrganisationSettings(organisation.id, settings).then(onSaved, setError);
      }}
    >
      <h2 className="card-title">{t('marketplace.settings.title', { name: organisation.name })}</h2>
      <fieldset className="fieldset">
        <legend>{t('marketplace.settings.claimMode')}</legend>
        {(['instant', 'approval'] as const).map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="claimMode" checked={settings.claimMode === mode} onChange={() => set({ claimMode: mode })} />
            {t(`marketplace.settings.${mode}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('marketplace.settings.cutoff')} type="number" min={0} max={336} value={settings.cancelCutoffHours} onChange={(e) => set({ cancelCutoffHours: Number(e.target.value) })} />
      <label className="check">
        <input type="checkbox" checked={settings.swapNeedsApproval} onChange={(e) => set({ swapNeedsApproval: e.target.checked })} />
        {t('marketplace.settings.swapApproval')}
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="settings-save">
          {t('marketplace.save')}
        </button>
      </div>
    </form>
  );
}

export function PlannerShiftPage({ shiftId }: { shiftId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => Promise.all([getShift(shiftId), listPackages()]), [shiftId]);
  const [mode, setMode] = useState<{ kind: 'reject' | 'cancel'; assignmentId: string } | { kind: 'cancelShift' } | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const [shift, packages] = loaded.data;
  const pkg = packages.find((p) => p.id === shift.packageId);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setMode(null);
      loaded.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="page market-page" data-testid="planner-shift-page">
      <p>
        <Link to="/planner/shifts">← {t('marketplace.back')}</Link>
      </p>
      <h1>{formatShiftWhen(shift.start, shift.end, shift.timeZone, locale)}</h1>
      <p className="lead">
        {pkg ? packageName(pkg, locale) : shift.packageCode} · {shift.organisationName} · {shift.locationName}
      </p>
      {shift.status === 'cancelled' && <p className="alert alert-warning">{t('marketplace.detail.cancelled', { reason: shift.cancelReason ?? '' })}</p>}
      <p className="shift-meta">
        <span className={`badge ${shift.filled >= shift.places ? 'badge-verified' : 'badge-unverified'}`} data-testid="detail-filled">
          {t('marketplace.places', { filled: shift.filled, places: shift.places })}
        </span>
        {shift.pending > 0 && <span className="badge badge-strong">{t('marketplace.waiting', { count: shift.pending })}</span>}
        <span>{t('marketplace.priority', { priority: shift.priority })}</span>
        {shift.supervisionCapacity > 0 && <span>{t('marketplace.supervision', { count: shift.supervisionCapacity })}</span>}
      </p>
      {shift.notes && <p className="shift-notes">{shift.notes}</p>}
      {error !== null && <ErrorMessage error={error} />}
      <Card title={t('marketplace.detail.attendees')} testId="attendees">
        {shift.attendees.length === 0 ? (
          <p className="muted">{t('marketplace.detail.noAttendees')}</p>
        ) : (
          <ul className="location-list">
            {shift.attendees.map((a) => (
              <li key={a.assignmentId} className="location" data-testid="attendee">
                <p className="shift-headline">
                  <span className="location-name">{a.name}</span>
                  <span className={`badge badge-status-${a.status}`}>{t(statusKey(a.status))}</span>
                </p>
                <p className="muted">
                  {t(`kind.${a.kind}` as Parameters<typeof t>[0])}
                  {a.isNewcomer ? ` · ${t('marketplace.detail.newcomer')}` : ''}
                </p>
                <p className="break">
                  <a href={`mailto:${a.email}`}>{a.email}</a>
                  {a.phone && (
                    <>
                      {' · '}
                      <a href={`tel:${a.phone}`}>{a.phone}</a>
                    </>
                  )}
                </p>
                {shift.status === 'open' && (
                  <div className="form-actions">
                    {a.status === 'pending' && (
                      <>
                        <button type="button" className="button button-primary" data-testid="approve" onClick={() => void act(() => approveClaim(a.assignmentId))}>
                          {t('marketplace.detail.approve')}
                        </button>
                        <button type="button" className="button button-secondary" data-testid="reject" onClick={() => setMode({ kind: 'reject', assignmentId: a.assignmentId })}>
                          {t('marketplace.detail.reject')}
                        </button>
                      </>
                    )}
                    {a.status === 'confirmed' && (
                      <button type="button" className="button button-secondary" data-testid="cancel-assignment" onClick={() => setMode({ kind: 'cancel', assignmentId: a.assignmentId })}>
                        {t('marketplace.detail.cancelAssignment')}
                      </button>
                    )}
                  </div>
                )}
                {mode && mode.kind !== 'cancelShift' && mode.assignmentId === a.assignmentId && (
                  <ReasonForm
                    onSubmit={(reason) => act(() => (mode.kind === 'reject' ? rejectClaim(a.assignmentId, reason) : cancelAssignment(a.assignmentId, reason)))}
                    onClose={() => setMode(null)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {shift.status === 'open' &&
        (mode?.kind === 'cancelShift' ? (
          <ReasonForm onSubmit={(reason) => act(() => cancelShift(shift.id, reason))} onClose={() => setMode(null)} />
        ) : (
          <button type="button" className="button button-secondary" data-testid="cancel-whole-shift" onClick={() => setMode({ kind: 'cancelShift' })}>
            {t('marketplace.detail.cancelShift')}
          </button>
        ))}
    </section>
  );
}
