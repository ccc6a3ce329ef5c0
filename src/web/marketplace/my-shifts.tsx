// "My shifts": claims and confirmed shifts with withdraw / cancel (until the cut-off) / swap,
// swap requests to and from me, the reservist's days this year and the calendar feed.
import { useState } from 'react';
import type { TMyShift, TSwap } from '../../shared/assignments.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { Card, ErrorMessage, Field, Loading } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { listPackages } from '../requests';
import { useMe } from '../session';
import { useLoad } from '../use-load';
import { cancelAssignment, createCalendarFeed, decideSwap, getMyProgress, listMyShifts, listMySwaps, listSwapCandidates, offerSwap, revokeCalendarFeed, withdrawClaim } from './requests';
import { formatMoment, formatShiftWhen, statusKey } from './shift-format';

export function MyShiftsPage() {
  const { t } = useI18n();
  const me = useMe();
  const loaded = useLoad(() => Promise.all([listMyShifts('live'), listMySwaps(), listPackages(), getMyProgress()]), []);
  return (
    <section className="page market-page" data-testid="my-shifts-page">
      <h1>{t('marketplace.myShifts')}</h1>
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {!loaded.data && loaded.error === null && <Loading />}
      {loaded.data && (
        <>
          <ProgressCard progress={loaded.data[3]} />
          <SwapList swaps={loaded.data[1]} myWorkerId={me.workerId} onChanged={loaded.reload} />
          {loaded.data[0].length === 0 ? (
            <p className="alert alert-info">{t('marketplace.noMyShifts')}</p>
          ) : (
            <ul className="shift-list">
              {loaded.data[0].map((mine) => (
                <MyShiftCard key={mine.id} mine={mine} packages={loaded.data![2]} swaps={loaded.data![1]} onChanged={loaded.reload} />
              ))}
            </ul>
          )}
          <CalendarFeedCard />
        </>
      )}
    </section>
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

export function ReasonForm({ onSubmit, onClose, isOptional = false, label }: { onSubmit: (reason: string) => Promise<void>; onClose: () => void; isOptional?: boolean; label?: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const isValid = isOptional ? true : reason.trim().length >= 3;
  return (
    <form
      className="form reason-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isValid) return;
        setIsBusy(true);
        void onSubmit(reason.trim()).finally(() => setIsBusy(false));
      }}
    >
      <Field label={label ?? t('marketplace.reason')} hint={isOptional ? undefined : t('marketplace.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} testId="reason" maxLength={500} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!isValid || isBusy} data-testid="reason-confirm">
          {t('marketplace.confirm')}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('marketplace.close')}
        </button>
      </div>
    </form>
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
      <div className="field">
        <label htmlFor={`swap-${assignmentId}`}>{t('marketplace.swapPick')}</label>
        <select id={`swap-${assignmentId}`} value={toWorkerId} data-testid="swap-candidate" onChange={(e) => setToWorkerId(e.target.value)} required>
          <option value="" />
          {candidates.data.map((c) => (
            <option key={c.workerId} value={c.workerId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <Field label={t('marketplace.swapNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      {error !== null && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!toWorkerId} data-testid="swap-send">
          {t('marketplace.swapSend')}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('marketplace.close')}
        </button>
      </div>
    </form>
  );
}

function SwapList({ swaps, myWorkerId, onChanged }: { swaps: TSwap[]; myWorkerId: string | null; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const live = swaps.filter((s) => s.status === 'requested' || s.status === 'accepted');
  if (live.length === 0) return null;
  const act = (id: string, action: 'accept' | 'decline' | 'withdraw') => decideSwap(id, action).then(onChanged, setError);
  return (
    <Card title={t('marketplace.swaps')} testId="swaps">
      {error !== null && <ErrorMessage error={error} />}
      <ul className="list">
        {live.map((swap) => (
          <li key={swap.id} data-testid="swap">
            <p>
              {t('marketplace.swapFromTo', { from: swap.fromWorkerName, to: swap.toWorkerName })} · <strong>{t(`marketplace.swap.${swap.status}`)}</strong>
            </p>
            {swap.note && <p className="muted">{swap.note}</p>}
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
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CalendarFeedCard() {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [isRevoked, setIsRevoked] = useState(false);
  const [isCopied, setIsCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const create = () => {
    setError(null);
    setIsCopied(false);
    createCalendarFeed().then((feed) => {
      setUrl(feed.url);
      setIsRevoked(false);
    }, setError);
  };
  const revoke = () =>
    revokeCalendarFeed().then(() => {
      setUrl(null);
      setIsRevoked(true);
    }, setError);
  const copy = () => {
    if (!url) return;
    void navigator.clipboard?.writeText(url).then(() => setIsCopied(true), () => undefined);
  };
  return (
    <Card title={t('marketplace.calendar')} testId="calendar-feed">
      <p>{t('marketplace.calendarIntro')}</p>
      {error !== null && <ErrorMessage error={error} />}
      {isRevoked && (
        <p className="alert alert-success" role="status">
          {t('marketplace.calendarRevoked')}
        </p>
      )}
      {url && (
        <>
          <Field label={t('marketplace.calendarUrl')} hint={t('marketplace.calendarSecret')} value={url} readOnly testId="calendar-url" onFocus={(e) => e.target.select()} />
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={copy}>
              {isCopied ? t('marketplace.copied') : t('marketplace.copy')}
            </button>
            <button type="button" className="button button-ghost" data-testid="calendar-revoke" onClick={() => void revoke()}>
              {t('marketplace.calendarRevoke')}
            </button>
          </div>
        </>
      )}
      <button type="button" className="button button-primary card-action" data-testid="calendar-create" onClick={create}>
        {url ? t('marketplace.calendarRenew') : t('marketplace.calendarCreate')}
      </button>
    </Card>
  );
}
