// The planner's queue of swaps both workers agreed to: who hands which shift to whom and when,
// approve (the rules are checked again) or reject with a reason both workers read.
import { useState } from 'react';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TSwapAwaitingApproval } from '../../shared/swap-approvals.schemas';
import { Card, ErrorMessage } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { ReasonForm } from './reason-form';
import { decideSwap, listSwapApprovals, rejectSwap } from './requests';
import { formatMoment, formatShiftWhen } from './shift-format';

export function SwapApprovals({ packages, onDecided }: { packages: TActivityPackage[]; onDecided: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(listSwapApprovals, []);
  const [message, setMessage] = useState<string | null>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const swaps = loaded.data ?? [];
  if (swaps.length === 0 && !message) return null;
  const decided = (text: string) => {
    setMessage(text);
    loaded.reload();
    onDecided();
  };
  return (
    <Card title={t('marketplace.approvals.title', { count: swaps.length })} testId="swap-approvals">
      {message && (
        <p className="alert alert-success" role="status" data-testid="swap-approvals-message">
          {message}
        </p>
      )}
      {swaps.length === 0 ? (
        <p className="muted">{t('marketplace.approvals.none')}</p>
      ) : (
        <ul className="location-list">
          {swaps.map((swap) => (
            <SwapToApprove key={swap.id} swap={swap} packages={packages} onDecided={decided} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function SwapToApprove({ swap, packages, onDecided }: { swap: TSwapAwaitingApproval; packages: TActivityPackage[]; onDecided: (message: string) => void }) {
  const { t, locale } = useI18n();
  const [isRejecting, setIsRejecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { shift } = swap;
  const pkg = packages.find((p) => p.id === shift.packageId);
  const names = { from: swap.fromWorkerName, to: swap.toWorkerName };
  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      onDecided(done);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="location" data-testid="swap-approval" data-swap-id={swap.id}>
      <p className="shift-headline">
        <span className="location-name" data-testid="swap-approval-who">
          {t('marketplace.approvals.who', names)}
        </span>
      </p>
      <p data-testid="swap-approval-when">{formatShiftWhen(shift.start, shift.end, shift.timeZone, locale)}</p>
      <p className="muted">
        {pkg ? packageName(pkg, locale) : shift.packageCode} · {shift.organisationName} · {shift.locationName}
      </p>
      {swap.note && <p className="shift-notes">{swap.note}</p>}
      <p className="muted">{t('marketplace.approvals.acceptedAt', { time: formatMoment(swap.acceptedAt, shift.timeZone, locale) })}</p>
      {error !== null && <ErrorMessage error={error} />}
      {isRejecting ? (
        <ReasonForm onSubmit={(reason) => act(() => rejectSwap(swap.id, reason), t('marketplace.approvals.rejected', names))} onClose={() => setIsRejecting(false)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-primary" data-testid="swap-approve" onClick={() => void act(() => decideSwap(swap.id, 'approve'), t('marketplace.approvals.approved', names))}>
            {t('marketplace.detail.approve')}
          </button>
          <button type="button" className="button button-secondary" data-testid="swap-reject" onClick={() => setIsRejecting(true)}>
            {t('marketplace.detail.reject')}
          </button>
        </div>
      )}
    </li>
  );
}
