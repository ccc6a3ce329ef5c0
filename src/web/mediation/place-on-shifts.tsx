// After an accepted offer: put the person on open shifts of the organisation (all or nothing,
// through the claim rules). Each refused shift shows why.
import { useState } from 'react';
import type { TShift } from '../../shared/shifts.schemas';
import { ApiError } from '../api';
import { ErrorMessage, Loading } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { listShifts } from '../marketplace/requests';
import { formatShiftWhen } from '../marketplace/shift-format';
import { listPackages } from '../requests';
import { useLoad } from '../use-load';
import { placeOnShifts } from '../journey/requests';

/** Refusals keyed by shift id, from issues on `shiftIds[i]`. */
export function refusalsByShift(error: unknown, shiftIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const match = /^shiftIds\[(\d+)\]$/.exec(issue.path);
    const shiftId = match ? shiftIds[Number(match[1])] : undefined;
    if (shiftId) out.set(shiftId, [...(out.get(shiftId) ?? []), issue.message]);
  }
  return out;
}

export function PlaceOnShifts({ offerId, organisationId, workerName }: { offerId: string; organisationId: string; workerName: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => Promise.all([listShifts({ organisationId, from: new Date().toISOString(), status: 'open', limit: 200 }), listPackages()]), [organisationId]);
  const [isOpen, setIsOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<number | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!isOpen) {
    return (
      <div className="form-actions">
        <button type="button" className="button button-primary" data-testid="place-open" onClick={() => setIsOpen(true)}>
          {t('mediation.place.open', { name: workerName })}
        </button>
        {placed !== null && (
          <p className="alert alert-success" role="status" data-testid="place-done">
            {t('mediation.place.done', { count: placed, name: workerName })}
          </p>
        )}
      </div>
    );
  }
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const [shifts, packages] = loaded.data;
  const open = shifts.filter((s: TShift) => s.filled < s.places);
  const refusals = refusalsByShift(error, sent);
  const submit = async () => {
    setIsBusy(true);
    setError(null);
    setSent(selected);
    try {
      const result = await placeOnShifts(offerId, selected);
      setPlaced(result.placed.length);
      setSelected([]);
      setIsOpen(false);
      loaded.reload();
    } catch (e) {
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form
      className="form step-form"
      data-testid="place-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length > 0) void submit();
      }}
    >
      <fieldset className="fieldset">
        <legend>{t('mediation.place.title', { name: workerName })}</legend>
        <p className="field-hint">{t('mediation.place.hint')}</p>
        {open.length === 0 && <p className="muted">{t('mediation.place.none')}</p>}
        {open.map((shift) => {
          const pkg = packages.find((p) => p.id === shift.packageId);
          return (
            <div key={shift.id} className={refusals.has(shift.id) ? 'field-invalid' : ''}>
              <label className="check" data-testid="place-shift" data-shift-id={shift.id}>
                <input type="checkbox" checked={selected.includes(shift.id)} onChange={(e) => setSelected(e.target.checked ? [...selected, shift.id] : selected.filter((id) => id !== shift.id))} />
                <span>
                  {formatShiftWhen(shift.start, shift.end, shift.timeZone, locale)} · {pkg ? packageName(pkg, locale) : shift.packageCode} · {shift.locationName}
                </span>
              </label>
              {refusals.get(shift.id)?.map((message, i) => (
                <p key={i} className="field-error" data-testid="place-refused">
                  {message}
                </p>
              ))}
            </div>
          );
        })}
      </fieldset>
      {error !== null && refusals.size === 0 && <ErrorMessage error={error} />}
      {refusals.size > 0 && <p className="alert alert-error">{t('mediation.place.refused')}</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={selected.length === 0 || isBusy} data-testid="place-submit">
          {t('mediation.place.submit', { count: selected.length })}
        </button>
        <button type="button" className="button button-ghost" onClick={() => setIsOpen(false)}>
          {t('mediation.cancel')}
        </button>
      </div>
    </form>
  );
}
