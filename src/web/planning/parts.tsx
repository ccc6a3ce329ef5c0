// The building blocks of a planning run's page: live progress, the score comparison, the
// proposals (per organisation or per worker) and the open places with "why nobody".
import { useState } from 'react';
import type { TPlanningPreview } from '../../shared/planning.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { formatNumber } from '../format';
import { DEFAULT_ZONE } from '../marketplace/shift-format';
import { intlLocale, useI18n, type MessageKey } from '../i18n/i18n';
import { blockingRules, groupBy, RULES, scoreRows, whyNobody, type ScoreBreakdown } from './explain';

type Proposal = TPlanningPreview['proposals'][number];
type OpenPlace = TPlanningPreview['openPlaces'][number];

/** "ma 7 dec 07:00–15:00" in the interface language, on the region's clock. */
export function formatShiftTime(start: string, end: string | null, locale: TLocale, timeZone = DEFAULT_ZONE): string {
  const day = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(start));
  const clock = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return `${day} ${clock.format(new Date(start))}${end ? `–${clock.format(new Date(end))}` : ''}`;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Elapsed time against the limit as a progress bar, the best score so far, and Stop. */
export function Progress({ run, onStop, isStopping }: { run: Pick<TPlanningPreview, 'status' | 'elapsedMs' | 'timeLimitSeconds' | 'bestScore'>; onStop: () => void; isStopping: boolean }) {
  const { t, locale } = useI18n();
  const limitMs = run.timeLimitSeconds * 1000;
  const elapsedMs = Math.min(run.elapsedMs ?? 0, limitMs);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section className="card planning-progress" data-testid="planning-progress" aria-live="polite">
      <h2 className="card-title">{t('planning.progress.title')}</h2>
      {run.status === 'queued' ? (
        <p className="muted" data-testid="progress-queued">{t('planning.progress.queued')}</p>
      ) : (
        <>
          <progress className="progress-bar" max={limitMs} value={elapsedMs} aria-label={t('planning.progress.label')} data-testid="progress-bar" />
          <p className="muted" data-testid="progress-elapsed">
            {t('planning.progress.elapsed', { elapsed: n(Math.floor(elapsedMs / 1000)), limit: n(run.timeLimitSeconds) })}
          </p>
        </>
      )}
      {run.bestScore ? (
        <dl className="stats" data-testid="progress-best">
          <div className="stat">
            <dt className="stat-label">{t('planning.progress.hard')}</dt>
            <dd className="stat-value" data-testid="progress-hard">{n(Math.abs(run.bestScore.hard))}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">{t('planning.progress.soft')}</dt>
            <dd className="stat-value" data-testid="progress-soft">{n(round(Math.abs(run.bestScore.soft)))}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('planning.progress.none')}</p>
      )}
      <button type="button" className="button button-secondary" onClick={onStop} disabled={isStopping} data-testid="planning-stop">
        {isStopping ? t('planning.stopping') : t('planning.stop')}
      </button>
    </section>
  );
}

/** Score now vs the proposal, per term, with the difference. */
export function ScoreComparison({ current, proposed }: { current: ScoreBreakdown; proposed: ScoreBreakdown }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(round(value), locale);
  const signed = (value: number) => (value > 0 ? `+${n(value)}` : value < 0 ? `−${n(-value)}` : '0');
  return (
    <section className="card" data-testid="score-comparison">
      <h2 className="card-title">{t('planning.score.title')}</h2>
      <div className="table-wrap">
        <table className="table score-table">
          <caption className="muted">{t('planning.score.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.score.term')}</th>
              <th scope="col" className="num">{t('planning.score.now')}</th>
              <th scope="col" className="num">{t('planning.score.proposed')}</th>
              <th scope="col" className="num">{t('planning.score.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {scoreRows(current, proposed).map((row) => (
              <tr key={row.term} data-testid={`score-${row.term}`} className={row.term === 'total' ? 'score-total' : undefined}>
                <th scope="row">{t(`planning.term.${row.term}` as MessageKey)}</th>
                <td className="num">{n(row.now)}</td>
                <td className="num">{n(row.proposed)}</td>
                <td className={`num ${row.difference < 0 ? 'better' : row.difference > 0 ? 'worse' : ''}`}>{signed(row.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CostList({ proposal }: { proposal: Proposal }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(round(value), locale);
  const costs = Object.entries(proposal.costs).filter(([, value]) => value !== 0);
  const total = costs.reduce((sum, [, value]) => sum + value, 0);
  const known = ['travel', 'cost', 'unpreferred', 'overDesired', 'underMinimum'];
  return (
    <div className="proposal-why" data-testid="proposal-why">
      <p className="proposal-covers">{t('planning.proposal.covers', { points: n(proposal.covers) })}</p>
      {costs.length === 0 ? (
        <p className="muted">{t('planning.proposal.noCost')}</p>
      ) : (
        <ul className="cost-list">
          {costs.map(([term, value]) => (
            <li key={term}>
              {known.includes(term)
                ? t(`planning.proposal.cost.${term}` as MessageKey, { value: n(value) })
                : t('planning.proposal.cost.other', { term, value: n(value) })}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('planning.proposal.net', { points: n(proposal.covers - total) })}</p>
    </div>
  );
}

function ProposalItem({ proposal, show, packageLabel, timeZone }: { proposal: Proposal; show: 'worker' | 'organisation'; packageLabel: (code: string) => string; timeZone?: string }) {
  const { t, locale } = useI18n();
  const who = show === 'worker' ? proposal.workerName : proposal.organisationName;
  return (
    <li className="proposal" data-testid="proposal">
      <details>
        <summary>
          <span className="proposal-when">{formatShiftTime(proposal.start, proposal.end, locale, timeZone)}</span>
          <span className="proposal-what">
            <strong>{who}</strong>
            <span className="muted">
              {' · '}
              {proposal.locationName} · {packageLabel(proposal.packageCode)}
            </span>
          </span>
          <span className="visually-hidden">{t('planning.proposal.why')}</span>
        </summary>
        <CostList proposal={proposal} />
      </details>
    </li>
  );
}

/** Proposals grouped per organisation, or per worker. */
export function Proposals({ proposals, packageLabel, timeZone }: { proposals: Proposal[]; packageLabel: (code: string) => string; timeZone?: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<'organisation' | 'worker'>('organisation');
  const groups =
    view === 'organisation'
      ? groupBy(proposals, (p) => p.organisationName)
      : groupBy(proposals, (p) => p.workerName).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="card" data-testid="proposals">
      <h2 className="card-title">{t('planning.proposals.title')}</h2>
      {proposals.length === 0 ? (
        <p className="muted">{t('planning.proposals.none')}</p>
      ) : (
        <>
          <div className="segmented" role="group" aria-label={t('planning.view.label')}>
            {(['organisation', 'worker'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className={`segment ${view === option ? 'segment-active' : ''}`}
                aria-pressed={view === option}
                onClick={() => setView(option)}
                data-testid={`view-${option}`}
              >
                {t(`planning.view.${option}`)}
              </button>
            ))}
          </div>
          {groups.map(([name, items]) => (
            <div key={name} className="proposal-group" data-testid="proposal-group">
              <h3>
                {name} <span className="badge badge-muted">{items.length === 1 ? t('planning.proposal.count.one') : t('planning.proposal.count.other', { count: items.length })}</span>
              </h3>
              <ul className="proposal-list">
                {items.map((p) => (
                  <ProposalItem key={`${p.shiftId}-${p.workerId}`} proposal={p} show={view === 'organisation' ? 'worker' : 'organisation'} packageLabel={packageLabel} {...(timeZone && { timeZone })} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

const OPEN_SHOWN = 50;

/** Places the plan leaves open, the most important first, each with the rules that rule the pool out. */
export function OpenPlaces({ openPlaces, packageLabel, timeZone }: { openPlaces: OpenPlace[]; packageLabel: (code: string) => string; timeZone?: string }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const sorted = [...openPlaces].sort((a, b) => b.priority - a.priority || a.start.localeCompare(b.start));
  return (
    <section className="card" data-testid="open-places">
      <h2 className="card-title">{t('planning.open.title')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('planning.open.none')}</p>
      ) : (
        <ul className="open-list">
          {sorted.slice(0, OPEN_SHOWN).map((place) => (
            <OpenPlaceItem key={place.shiftId} place={place} packageLabel={packageLabel} {...(timeZone && { timeZone })} />
          ))}
        </ul>
      )}
      {sorted.length > OPEN_SHOWN && <p className="muted">{t('planning.open.more', { count: n(sorted.length - OPEN_SHOWN) })}</p>}
    </section>
  );
}

export function OpenPlaceItem({ place, packageLabel, timeZone }: { place: OpenPlace; packageLabel: (code: string) => string; timeZone?: string }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const why = whyNobody(place.blockedBy, t, n);
  const rules = blockingRules(place.blockedBy);
  return (
    <li className="open-place" data-testid="open-place">
      <div className="open-place-head">
        <strong>{formatShiftTime(place.start, null, locale, timeZone)}</strong>
        <span>
          {place.organisationName} · {place.locationName} · {packageLabel(place.packageCode)}
        </span>
        <span className="badge badge-unverified">{place.open === 1 ? t('planning.open.places.one') : t('planning.open.places.other', { count: n(place.open) })}</span>
        <span className="muted">{t('planning.open.priority', { priority: place.priority })}</span>
      </div>
      {why && (
        <p className="open-place-why" data-testid="why-nobody">
          <span className="visually-hidden">{t('planning.open.why')}: </span>
          {why}.
        </p>
      )}
      {rules.length > 0 && (
        <ul className="rule-chips" aria-hidden="true">
          {rules.map(({ rule, count }) => (
            <li key={rule} className="rule-chip">
              {(RULES as readonly string[]).includes(rule) ? t(`planning.rule.${rule}` as MessageKey) : rule} <strong>{n(count)}</strong>
            </li>
          ))}
        </ul>
      )}
      <p className="muted" data-testid="eligible">
        {place.eligible === 0
          ? t('planning.open.nobodyEligible')
          : place.eligible === 1
            ? t('planning.open.eligible.one')
            : t('planning.open.eligible.other', { count: n(place.eligible) })}
      </p>
    </li>
  );
}
