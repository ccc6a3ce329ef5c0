// The planner's marketplace: shifts per location and week with places filled and claims waiting,
// swaps waiting for approval, and the panels to post a shift or a series, import, and change the
// organisation's settings.
import { useState } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TOrganisationDetail } from '../../shared/organisations.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TShift } from '../../shared/shifts.schemas';
import { ErrorMessage, Loading, SelectField } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { getOrganisation, listPackages } from '../requests';
import { Link } from '../router';
import { plannedOrganisationIds } from '../session';
import { useLoad } from '../use-load';
import { ImportPanel } from './import-panel';
import { addDays, mondayOf } from './planner-week';
import { listShifts } from './requests';
import { SettingsPanel } from './settings-panel';
import { ShiftForm } from './shift-form';
import { DEFAULT_ZONE, formatShiftWhen, localDate, zonedToInstant } from './shift-format';
import { SwapApprovals } from './swap-approvals';

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
  const timeZone = location?.timeZone ?? DEFAULT_ZONE;
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
            <SelectField
              label={t('marketplace.planner.location')}
              value={location.id}
              testId="planner-location"
              onChange={(e) => {
                setLocationId(e.target.value);
                setWeek(null);
              }}
            >
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {organisations.length > 1 ? `${l.organisationName} · ${l.name}` : l.name}
                </option>
              ))}
            </SelectField>
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
          <SwapApprovals packages={packages} onDecided={shifts.reload} />
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
          {panel === 'settings' && organisation && <SettingsPanel organisation={organisation} onSaved={() => done(t('marketplace.settings.saved'))} onCancel={() => setPanel('none')} />}
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

