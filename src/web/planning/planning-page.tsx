// Start an auto-planning run (region for coordinators, an organisation for planners) and see recent runs.
import { useState, type SyntheticEvent } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import type { TSolveStatus } from '../../shared/planning.schemas';
import { Card, ErrorMessage, Field, Loading } from '../components/ui';
import { formatNumber } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DEFAULT_ZONE } from '../marketplace/shift-format';
import { getOrganisation, listRegions } from '../requests';
import { Link, navigate } from '../router';
import { plannedOrganisationIds } from '../session';
import { useLoad } from '../use-load';
import { defaultHorizon, zonedMidnight } from './explain';
import { listPlanningRuns, startPlanningRun } from './requests';

export type Scope = { key: string; regionId: string; organisationId: string | null; label: string; timeZone: string };

const isAdmin = (me: TMe) => me.roles.some((b) => b.role === 'admin');

/** What this user may plan: whole regions (coordinators, admins) and their own organisations (planners). */
async function scopesFor(me: TMe): Promise<{ kind: 'region' | 'organisation'; regionId: string; organisationId: string | null; name: string; timeZone: string }[]> {
  const coordinated = new Set(me.roles.filter((b) => b.role === 'coordinator' && b.regionId).map((b) => b.regionId!));
  const [regions, organisations] = await Promise.all([listRegions(), Promise.all(plannedOrganisationIds(me).map((id) => getOrganisation(id)))]);
  const zoneOf = (regionId: string) => regions.find((r) => r.id === regionId)?.timeZone ?? DEFAULT_ZONE;
  const regionScopes = regions
    .filter((r) => isAdmin(me) || coordinated.has(r.id))
    .map((r) => ({ kind: 'region' as const, regionId: r.id, organisationId: null, name: r.name, timeZone: r.timeZone }));
  const organisationScopes = organisations.map((o) => ({ kind: 'organisation' as const, regionId: o.regionId, organisationId: o.id, name: o.name, timeZone: zoneOf(o.regionId) }));
  return [...regionScopes, ...organisationScopes];
}

export function PlanningPage({ me }: { me: TMe }) {
  const { t } = useI18n();
  const scopes = useLoad(() => scopesFor(me), [me.id]);
  return (
    <section className="page planning" data-testid="planning-page">
      <h1>{t('planning.title')}</h1>
      <p className="lead">{t('planning.intro')}</p>
      {scopes.error ? (
        <ErrorMessage error={scopes.error} onRetry={scopes.reload} />
      ) : !scopes.data ? (
        <Loading />
      ) : scopes.data.length === 0 ? (
        <p className="alert alert-info">{t('planning.scope.none')}</p>
      ) : (
        <div className="grid grid-2 planning-start">
          <StartForm
            scopes={scopes.data.map((s) => ({
              key: `${s.regionId}:${s.organisationId ?? ''}`,
              regionId: s.regionId,
              organisationId: s.organisationId,
              timeZone: s.timeZone,
              label: s.kind === 'region' ? t('planning.scope.region', { name: s.name }) : t('planning.scope.organisation', { name: s.name }),
            }))}
          />
          <RecentRuns />
        </div>
      )}
    </section>
  );
}

const EIGHT_WEEKS_DAYS = 56;

function StartForm({ scopes }: { scopes: Scope[] }) {
  const { t } = useI18n();
  const horizon = defaultHorizon();
  const [scopeKey, setScopeKey] = useState(scopes[0]!.key);
  const [from, setFrom] = useState(horizon.from);
  const [to, setTo] = useState(horizon.to);
  const [limit, setLimit] = useState('30');
  const [errors, setErrors] = useState<{ to?: string; limit?: string }>({});
  const [isStarting, setIsStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const scope = scopes.find((s) => s.key === scopeKey)!;
    // Midnights on the region's clock; "up to and including" the chosen day ends at the next one.
    const fromIso = from ? zonedMidnight(from, scope.timeZone) : '';
    const toIso = to ? zonedMidnight(to, scope.timeZone, 1) : '';
    const days = fromIso && toIso ? (Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000 : -1;
    const seconds = Number(limit);
    const next: typeof errors = {};
    if (!(days > 0 && days <= EIGHT_WEEKS_DAYS + 0.1)) next.to = t('planning.error.dates');
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) next.limit = t('planning.error.timeLimit');
    setErrors(next);
    if (next.to || next.limit) return;
    setIsStarting(true);
    setError(null);
    startPlanningRun({ regionId: scope.regionId, organisationId: scope.organisationId, from: fromIso, to: toIso, timeLimitSeconds: seconds }).then(
      ({ jobId }) => navigate(`/planning/runs/${encodeURIComponent(jobId)}`),
      (reason: unknown) => {
        setError(reason);
        setIsStarting(false);
      },
    );
  };

  return (
    <Card title={t('planning.new')} testId="planning-start">
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="planning-scope">{t('planning.scope')}</label>
          <select id="planning-scope" value={scopeKey} onChange={(e) => setScopeKey(e.target.value)} data-testid="planning-scope">
            {scopes.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <Field label={t('planning.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} testId="planning-from" required />
          <Field label={t('planning.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} error={errors.to} testId="planning-to" required />
        </div>
        <p className="field-hint">{t('planning.horizonHint')}</p>
        <Field
          label={t('planning.timeLimit')}
          hint={t('planning.timeLimitHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          error={errors.limit}
          testId="planning-limit"
        />
        {error !== null && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isStarting} data-testid="planning-submit">
            {isStarting ? t('planning.starting') : t('planning.start')}
          </button>
        </div>
      </form>
    </Card>
  );
}

export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const tone = status === 'published' ? 'badge-verified' : status === 'failed' ? 'badge-rejected' : status === 'done' || status === 'cancelled' ? 'badge-strong' : 'badge-muted';
  return (
    <span className={`badge ${tone}`} data-testid="run-status">
      {t(`planning.status.${status}` as MessageKey)}
    </span>
  );
}

/** The latest runs this user may see (optionally of one region), each linking to its page. */
export function RecentRuns({ regionId, limit = 8 }: { regionId?: string; limit?: number }) {
  const { t, locale } = useI18n();
  const runs = useLoad(() => listPlanningRuns(regionId), [regionId]);
  return (
    <Card title={t('planning.recent')} testId="recent-runs">
      {runs.error ? (
        <ErrorMessage error={runs.error} onRetry={runs.reload} />
      ) : !runs.data ? (
        <Loading />
      ) : runs.data.length === 0 ? (
        <p className="muted">{t('planning.recent.none')}</p>
      ) : (
        <ul className="list run-list">
          {runs.data.slice(0, limit).map((run: TSolveStatus) => (
            <li key={run.jobId} className="run-item" data-testid="recent-run">
              <Link to={`/planning/runs/${encodeURIComponent(run.jobId)}`}>{t('planning.recent.run', { id: run.jobId.slice(0, 8) })}</Link>
              <RunStatusBadge status={run.status} />
              <span className="muted">
                
                {t('planning.progress.elapsed', { elapsed: formatNumber(Math.round((run.elapsedMs ?? 0) / 1000), locale), limit: formatNumber(run.timeLimitSeconds, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
