// One shift for its planner: places filled, who is coming (name, package, contact — no more), approve
// or reject waiting claims, cancel an assignment or the whole shift with a reason the worker reads;
// and, asked for, the region's ranked candidates for it with the reasons, and why the others cannot.
import { useState } from 'react';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { CandidatesOnDemand } from '../mediation/candidates';
import { shiftCandidates } from '../mediation/requests';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { listPackages } from '../requests';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { ReasonForm } from './reason-form';
import { approveClaim, cancelAssignment, cancelShift, getShift, rejectClaim } from './requests';
import { formatShiftWhen, statusKey } from './shift-format';

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
      {shift.status === 'open' && <CandidatesOnDemand load={() => shiftCandidates(shift.id)} hint={t('marketplace.detail.candidatesHint')} />}
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

