// "My shifts": claims and confirmed shifts with withdraw / cancel (until the cut-off) / swap, shifts
// the organisation cancelled or rejected with its reason, swap requests to and from me (and those a
// planner rejected, with the reason), the reservist's days this year and the calendar feed.
import { useState } from 'react';
import type { TMyShift, TSwap } from '../../shared/assignments.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { Card, ErrorMessage, Field, FormActions, Loading, SelectField } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { listPackages } from '../requests';
import { useMe } from '../session';
import { useLoad } from '../use-load';
import { CalendarFeedCard } from './calendar-feed';
import { ReasonForm } from './reason-form';
import { cancelAssignment, decideSwap, getMyProgress, listMyShifts, listMySwaps, listSwapCandidates, offerSwap, withdrawClaim } from './requests';
import { formatMoment, formatShiftWhen, statusKey } from './shift-format';

// The journey pages import it from here; it lives in its own file now.
export { ReasonForm } from './reason-form';

export function MyShiftsPage() {
  const { t } = useI18n();
  const me = useMe();
  const loaded = useLoad(() => Promise.all([listMyShifts('all'), listMySwaps(), listPackages(), getMyProgress()]), []);
  const mine = loaded.data?.[0] ?? [];
  const live = mine.filter(isLive);
  const ended = mine.filter((m) => !isLive(m) && (m.status === 'cancelled' || m.status === 'rejected'));
  return (
    <section className="page market-page" data-testid="my-shifts-page">
      <h1>{t('marketplace.myShifts')}</h1>
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {!loaded.data && loaded.error === null && <Loading />}
      {loaded.data && (
        <>
          <ProgressCard progress={loaded.data[3]} />
          <SwapList swaps={loaded.data[1]} packages={loaded.data[2]} myWorkerId={me.workerId} onChanged={loaded.reload} />
          {live.length === 0 ? (
            <p className="alert alert-info">{t('marketplace.noMyShifts')}</p>
          ) : (
            <ul className="shift-list">
              {live.map((one) => (
                <MyShiftCard key={one.id} mine={one} packages={loaded.data![2]} swaps={loaded.data![1]} onChanged={loaded.reload} />
              ))}
            </ul>
          )}
          {ended.length > 0 && <EndedShifts ended={ended} packages={loaded.data[2]} />}
          <CalendarFeedCard />
        </>
      )}
    </section>
  );
}

/** Still on: waiting or confirmed, on a shift that was not cancelled. */
const isLive = (mine: TMyShift) => (mine.status === 'pending' || mine.status === 'confirmed') && mine.shift.status === 'open';

/** Shifts the organisation cancelled or a claim it rejected, with the reason it gave. */
function EndedShifts({ ended, packages }: { ended: TMyShift[]; packages: TActivityPackage[] }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('marketplace.ended')} testId="ended-shifts">
      <ul className="list">
        {ended.map((mine) => {
          const pkg = packages.find((p) => p.id === mine.shift.packageId);
          const reason = mine.reason || mine.shift.cancelReason;
          return (
            <li key={mine.id} data-testid="ended-shift" data-shift-id={mine.shift.id}>
              <p>
                <strong>{formatShiftWhen(mine.shift.start, mine.shift.end, mine.shift.timeZone, locale)}</strong> · {pkg ? packageName(pkg, locale) : mine.shift.packageCode} ·{' '}
                {mine.shift.organisationName}
              </p>
              <p>
                <span className={`badge badge-status-${mine.status}`}>{t(statusKey(mine.status))}</span>{' '}
                {reason && <span data-testid="ended-reason">{t('marketplace.endedReason', { reason })}</span>}
              </p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function ProgressCard({ progress }: { progress: { daysWorked: number; daysPlanned: number; minDaysPerYear: number | null } }) {
  const { t } = useI18n();
  const done = progress.daysWorked;
  return (
    <Card title={t('marketplace.progress')} testId="progress">
      <p className="lead" data-testid="progress-text">
        {progress.minDaysPerYear ? t('marketplace.progressOf', { done, min: progress.minDaysPerYear }) : t('marketplace.progressDays', { done })}
      </p>
      {progress.minDaysPerYear ? (
        <progress className="progress" max={progress.minDaysPerYear} value={Math.min(done, progress.minDaysPerYear)} aria-label={t('marketplace.progress')} />
      ) : null}
      {progress.daysPlanned > 0 && <p className="muted">{t('marketplace.progressPlanned', { count: progress.daysPlanned })}</p>}
    </Card>
  );
}

function MyShiftCard({ mine, packages, swaps, onChanged }: { mine: TMyShift; packages: TActivityPackage[]; swaps: TSwap[]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'idle' | 'cancel' | 'swap'>('idle');
  const [error, setError] = useState<unknown>(null);
  const { shift } = mine;
  const pkg = packages.find((p) => p.id === shift.packageId);
  const canCancel = Date.now() < Date.parse(mine.canCancelUntil);
  const openSwap = swaps.find((s) => s.assignmentId === mine.id && (s.status === 'requested' || s.status === 'accepted'));
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setMode('idle');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="shift-card" data-testid="my-shift" data-shift-id={shift.id}>
      <div className="shift-body">
        <p className="shift-headline">
          <span className="shift-when-inline" data-testid="my-shift-when">
            {formatShiftWhen(shift.start, shift.end, shift.timeZone, locale)}
          </span>
          <span className={`badge badge-status-${mine.status}`} data-testid="my-shift-status">
            {shift.status === 'cancelled' ? t('marketplace.shiftCancelled') : t(statusKey(mine.status))}
          </span>
        </p>
        <p className="shift-title">{pkg ? packageName(pkg, locale) : shift.packageCode}</p>
        <p className="shift-where">
          {shift.organisationName} · {shift.locationName}
        </p>
        {shift.notes && <p className="shift-notes">{shift.notes}</p>}
        {mine.reason && <p className="muted">{mine.reason}</p>}
        {openSwap && (
          <p className="muted" data-testid="my-shift-swap">
            {t('marketplace.swapFromTo', { from: openSwap.fromWorkerName, to: openSwap.toWorkerName })} · {t(`marketplace.swap.${openSwap.status}`)}
          </p>
        )}
        {error !== null && <ErrorMessage error={error} />}
        {mine.status === 'pending' && (
          <button type="button" className="button button-secondary shift-action" data-testid="withdraw" onClick={() => void act(() => withdrawClaim(mine.id))}>
            {t('marketplace.withdraw')}
          </button>
        )}
        {mine.status === 'confirmed' && shift.status === 'open' && mode === 'idle' && (
          <>
            {canCancel ? (
              <p className="muted">{t('marketplace.cancelUntil', { time: formatMoment(mine.canCancelUntil, shift.timeZone, locale) })}</p>
            ) : (
              <p className="alert alert-info" data-testid="cancel-too-late">
                {t('marketplace.cancelTooLate')}
              </p>
            )}
            <div className="form-actions">
              {canCancel && (
                <button type="button" className="button button-secondary" data-testid="cancel-shift" onClick={() => setMode('cancel')}>
                  {t('marketplace.cancel')}
                </button>
              )}
              {!openSwap && (
                <button type="button" className="button button-secondary" data-testid="swap-shift" onClick={() => setMode('swap')}>
                  {t('marketplace.swap')}
                </button>
              )}
            </div>
          </>
        )}
        {mode === 'cancel' && <ReasonForm onSubmit={(reason) => act(() => cancelAssignment(mine.id, reason))} onClose={() => setMode('idle')} isOptional />}
        {mode === 'swap' && <SwapForm assignmentId={mine.id} onSent={() => void act(async () => undefined)} onClose={() => setMode('idle')} />}
      </div>
    </li>
  );
}

function SwapForm({ assignmentId, onSent, onClose }: { assignmentId: string; onSent: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const candidates = useLoad(() => listSwapCandidates(assignmentId), [assignmentId]);
  const [toWorkerId, setToWorkerId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (candidates.error) return <ErrorMessage error={candidates.error} onRetry={candidates.reload} />;
  if (!candidates.data) return <Loading />;
  if (candidates.data.length === 0) {
    return (
      <p className="alert alert-info" data-testid="swap-none">
        {t('marketplace.swapNoCandidates')}{' '}
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('marketplace.close')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!toWorkerId) return;
        offerSwap(assignmentId, toWorkerId, note).then(onSent, setError);
      }}
    >
      <SelectField label={t('marketplace.swapPick')} value={toWorkerId} testId="swap-candidate" onChange={(e) => setToWorkerId(e.target.value)} required>
        <option value="" />
        {candidates.data.map((c) => (
          <option key={c.workerId} value={c.workerId}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Field label={t('marketplace.swapNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} testId="swap-note" />
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={t('marketplace.swapSend')} isBusy={!toWorkerId} submitTestId="swap-send" onCancel={onClose} cancelLabel={t('marketplace.close')} />
    </form>
  );
}

/** Swaps still in play, and swaps a planner rejected on shifts that have not ended, with the planner's reason. */
const isShownSwap = (swap: TSwap, now: number) => swap.status === 'requested' || swap.status === 'accepted' || (swap.status === 'rejected' && Date.parse(swap.shift.end) > now);

function SwapList({ swaps, packages, myWorkerId, onChanged }: { swaps: TSwap[]; packages: TActivityPackage[]; myWorkerId: string | null; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const now = Date.now();
  const shown = swaps.filter((s) => isShownSwap(s, now));
  if (shown.length === 0) return null;
  const act = (id: string, action: 'accept' | 'decline' | 'withdraw') => decideSwap(id, action).then(onChanged, setError);
  return (
    <Card title={t('marketplace.swaps')} testId="swaps">
      {error !== null && <ErrorMessage error={error} />}
      <ul className="list">
        {shown.map((swap) => {
          const pkg = packages.find((p) => p.id === swap.shift.packageId);
          const isLive = swap.status === 'requested' || swap.status === 'accepted';
          return (
            <li key={swap.id} data-testid="swap" data-swap-status={swap.status}>
              <p>
                {t('marketplace.swapFromTo', { from: swap.fromWorkerName, to: swap.toWorkerName })} ·{' '}
                <strong className={`badge badge-status-${swap.status === 'rejected' ? 'rejected' : 'pending'}`} data-testid="swap-status">
                  {t(`marketplace.swap.${swap.status}`)}
                </strong>
              </p>
              <p className="muted" data-testid="swap-shift-when">
                {formatShiftWhen(swap.shift.start, swap.shift.end, swap.shift.timeZone, locale)} · {pkg ? packageName(pkg, locale) : swap.shift.packageCode} · {swap.shift.organisationName}
              </p>
              {swap.note && <p className="muted">{swap.note}</p>}
              {swap.status === 'rejected' && (
                <p className="alert alert-info" data-testid="swap-rejected">
                  {swap.reason ? t('marketplace.swapRejectedReason', { reason: swap.reason }) : null}{' '}
                  {t(swap.fromWorkerId === myWorkerId ? 'marketplace.swapRejectedKeep' : 'marketplace.swapRejectedNotYours')}
                </p>
              )}
              {isLive && (
                <div className="form-actions">
                  {swap.status === 'requested' && swap.toWorkerId === myWorkerId && (
                    <>
                      <button type="button" className="button button-primary" data-testid="swap-accept" onClick={() => void act(swap.id, 'accept')}>
                        {t('marketplace.swapAccept')}
                      </button>
                      <button type="button" className="button button-secondary" data-testid="swap-decline" onClick={() => void act(swap.id, 'decline')}>
                        {t('marketplace.swapDecline')}
                      </button>
                    </>
                  )}
                  {swap.fromWorkerId === myWorkerId && (
                    <button type="button" className="button button-ghost" data-testid="swap-withdraw" onClick={() => void act(swap.id, 'withdraw')}>
                      {t('marketplace.swapWithdraw')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
