// One auto-planning run: live progress while it searches, then the preview with explanations,
// then publish (with a confirmation) and the publish report.
import { useEffect, useState } from 'react';
import type { TPlanningPreview } from '../../shared/planning.schemas';
import { Card, ErrorMessage, Loading, Stat } from '../components/ui';
import { formatDate, formatNumber, packageName } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DEFAULT_ZONE } from '../marketplace/shift-format';
import { listPackages, listRegions } from '../requests';
import { Link } from '../router';
import { hasPlan, isActive, isStopping as isWritingPlan, openPlaceCount } from './explain';
import { OpenPlaces, Progress, Proposals, ScoreComparison } from './parts';
import { RunStatusBadge } from './planning-page';
import { getPlanningRun, publishPlanningRun, stopPlanningRun } from './requests';

export const POLL_MS = 1000;

/** After a stop, how many more polls wait for the best plan to be written. */
const POLLS_AFTER_STOP = 30;

/** Polls the run about every second while it is queued or running, or stopped with its plan not yet written. */
export function usePlanningRun(runId: string) {
  const [run, setRun] = useState<TPlanningPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pollsAfterStop = 0;
    const poll = () => {
      getPlanningRun(runId).then(
        (next) => {
          if (!isCurrent) return;
          setRun(next);
          setError(null);
          const isWriting = isWritingPlan(next) && pollsAfterStop++ < POLLS_AFTER_STOP;
          if (isActive(next.status) || isWriting) timer = setTimeout(poll, POLL_MS);
        },
        (reason: unknown) => {
          if (isCurrent) setError(reason);
        },
      );
    };
    poll();
    return () => {
      isCurrent = false;
      if (timer) clearTimeout(timer);
    };
  }, [runId, generation]);
  return { run, error, setRun, reload: () => setGeneration((g) => g + 1) };
}

export function RunPage({ runId }: { runId: string }) {
  const { t, locale } = useI18n();
  const { run, error, setRun, reload } = usePlanningRun(runId);
  const [isStopping, setIsStopping] = useState(false);
  const [stopError, setStopError] = useState<unknown>(null);
  const { packages, timeZone } = useRegionInfo(run?.regionId ?? null);

  const stop = () => {
    setIsStopping(true);
    setStopError(null);
    stopPlanningRun(runId).then(
      () => reload(),
      (reason: unknown) => {
        setStopError(reason);
        setIsStopping(false);
      },
    );
  };

  const packageLabel = (code: string) => {
    const found = packages.find((p) => p.code === code);
    return found ? packageName(found, locale) : code;
  };

  return (
    <section className="page planning" data-testid="planning-run">
      <p>
        <Link to="/planning">← {t('planning.back')}</Link>
      </p>
      {error !== null && !run && <ErrorMessage error={error} onRetry={reload} />}
      {!run && error === null && <Loading />}
      {run && (
        <>
          <header className="run-head">
            <h1>
              {t('planning.run.title')} <RunStatusBadge status={run.status} />
            </h1>
            <p className="muted" data-testid="run-meta">
              {run.organisationId ? t('planning.run.organisation') : t('planning.run.wholeRegion')}
              {run.horizonStart && run.horizonEnd && (
                <>
                  {' · '}
                  {t('planning.run.horizon', {
                    from: formatDate(dateIn(run.horizonStart, timeZone), locale),
                    to: formatDate(dateIn(new Date(Date.parse(run.horizonEnd) - 1).toISOString(), timeZone), locale),
                  })}
                </>
              )}
            </p>
          </header>
          {error !== null && <ErrorMessage error={error} onRetry={reload} />}
          {stopError !== null && <ErrorMessage error={stopError} />}
          {(isActive(run.status) || isWritingPlan(run)) && <Progress run={run} onStop={stop} isStopping={isStopping || isWritingPlan(run)} />}
          {run.status === 'failed' && (
            <p className="alert alert-error" role="alert" data-testid="run-failed">
              {t('planning.failed', { error: run.error ?? '' })}
            </p>
          )}
          {hasPlan(run) && <Preview run={run} onPublished={setRun} packageLabel={packageLabel} timeZone={timeZone} />}
        </>
      )}
    </section>
  );
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
function dateIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * The run's region's packages (for their names) and time zone (for shift times). Until they are
 * loaded, or if they cannot be, package codes and the Dutch zone are shown.
 */
function useRegionInfo(regionId: string | null) {
  const [packages, setPackages] = useState<{ code: string; nameNl: string; nameEn: string }[]>([]);
  const [timeZone, setTimeZone] = useState(DEFAULT_ZONE);
  useEffect(() => {
    if (!regionId) return;
    let isCurrent = true;
    listPackages(regionId).then(
      (list) => isCurrent && setPackages(list),
      () => undefined,
    );
    listRegions().then(
      (regions) => {
        const zone = regions.find((r) => r.id === regionId)?.timeZone;
        if (isCurrent && zone) setTimeZone(zone);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [regionId]);
  return { packages, timeZone };
}

function Preview({ run, onPublished, packageLabel, timeZone }: { run: TPlanningPreview; onPublished: (run: TPlanningPreview) => void; packageLabel: (code: string) => string; timeZone: string }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const workers = new Set(run.proposals.map((p) => p.workerId)).size;
  return (
    <div className="planning-preview" data-testid="planning-preview">
      {run.publishReport ? <PublishReport report={run.publishReport} /> : <PublishBar run={run} onPublished={onPublished} />}
      <dl className="stats stats-four" data-testid="preview-summary">
        <Stat label={t('planning.summary.proposals')} value={n(run.proposals.length)} testId="summary-proposals" />
        <Stat label={t('planning.summary.workers')} value={n(workers)} />
        <Stat label={t('planning.summary.open')} value={n(openPlaceCount(run))} tone={run.openPlaces.length > 0 ? 'warning' : 'normal'} testId="summary-open" />
        <Stat label={t('planning.summary.pinned')} value={n(run.pinnedCount)} testId="summary-pinned" />
      </dl>
      {run.current && run.proposed && <ScoreComparison current={run.current} proposed={run.proposed} />}
      <Proposals proposals={run.proposals} packageLabel={packageLabel} timeZone={timeZone} />
      <OpenPlaces openPlaces={run.openPlaces} packageLabel={packageLabel} timeZone={timeZone} />
    </div>
  );
}

function PublishBar({ run, onPublished }: { run: TPlanningPreview; onPublished: (run: TPlanningPreview) => void }) {
  const { t, locale } = useI18n();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPublishing, setIsPublishing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (run.proposals.length === 0) return null;
  const publish = () => {
    setIsPublishing(true);
    setError(null);
    publishPlanningRun(run.jobId).then(onPublished, (reason: unknown) => {
      setError(reason);
      setIsPublishing(false);
    });
  };
  return (
    <div className="publish-bar" data-testid="publish-bar">
      {!isConfirming ? (
        <button type="button" className="button button-primary" onClick={() => setIsConfirming(true)} data-testid="publish">
          {t('planning.publish')}
        </button>
      ) : (
        <div className="confirm" role="alertdialog" aria-labelledby="publish-confirm-title" aria-describedby="publish-confirm-text" data-testid="publish-confirm">
          <h2 id="publish-confirm-title">{t('planning.publish.confirmTitle')}</h2>
          <p id="publish-confirm-text">{t('planning.publish.confirmText', { count: formatNumber(run.proposals.length, locale) })}</p>
          {error !== null && <ErrorMessage error={error} />}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={publish} disabled={isPublishing} data-testid="publish-confirm-yes" autoFocus>
              {isPublishing ? t('planning.publish.busy') : t('planning.publish.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setIsConfirming(false)} disabled={isPublishing}>
              {t('planning.publish.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

type Report = NonNullable<TPlanningPreview['publishReport']>;

export function PublishReport({ report }: { report: Report }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Card title={t('planning.report.title')} testId="publish-report" className="publish-report">
      <p className="alert alert-success" role="status">
        {t('planning.report.notified')}
      </p>
      <dl className="stats stats-four">
        <Stat label={t('planning.report.created')} value={n(report.created)} testId="report-created" />
        <Stat label={t('planning.report.confirmed')} value={n(report.confirmed)} testId="report-confirmed" />
        <Stat label={t('planning.report.offered')} value={n(report.offered)} testId="report-offered" />
        <Stat label={t('planning.report.skipped')} value={n(report.skipped.length)} tone={report.skipped.length > 0 ? 'warning' : 'normal'} testId="report-skipped" />
      </dl>
      {report.skipped.length === 0 ? (
        <p className="muted">{t('planning.report.skippedNone')}</p>
      ) : (
        <>
          <h3>{t('planning.report.skippedTitle')}</h3>
          <ul className="list" data-testid="report-skipped-list">
            {report.skipped.map((s) => (
              <li key={`${s.shiftId}-${s.workerId}`}>
                {s.violations.map((v) => `${t(`planning.rule.${v.rule}` as MessageKey)}: ${v.message}`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
