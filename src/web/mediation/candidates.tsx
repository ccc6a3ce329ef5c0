// Ranked candidates with their transparent score (every part with its reason and points) and the
// rest of the region grouped by the rule that rules them out, with counts and a few names.
import { useState } from 'react';
import type { TCandidate, TCandidateList } from '../../shared/mediation.schemas';
import { Card, ErrorMessage, Loading } from '../components/ui';
import { formatNumber } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { formatScore, missingText, partName, partReason, ruledOutText } from './explain';

type Selection = { selected: ReadonlySet<string>; onToggle: (workerId: string) => void; disabled?: ReadonlySet<string> };
/** Names a competence key in the interface language (a request's competences carry their labels). */
type LabelOf = (key: string) => string;
const asKey: LabelOf = (key) => key;

export function CandidateList({ list, selection, labelOf = asKey }: { list: TCandidateList; selection?: Selection; labelOf?: LabelOf }) {
  const { t, locale } = useI18n();
  return (
    <div className="candidates" data-testid="candidates">
      <p className="muted" data-testid="candidates-checked">
        {t('mediation.candidates.checked', { count: formatNumber(list.checkedCount, locale), shown: formatNumber(list.candidates.length, locale) })}
      </p>
      {list.candidates.length === 0 ? (
        <p className="alert alert-info" data-testid="candidates-none">
          {t('mediation.candidates.none')}
        </p>
      ) : (
        <ol className="candidate-list">
          {list.candidates.map((candidate, index) => (
            <CandidateItem key={candidate.workerId} candidate={candidate} rank={index + 1} selection={selection} labelOf={labelOf} />
          ))}
        </ol>
      )}
      <RuledOut list={list} labelOf={labelOf} />
    </div>
  );
}

function CandidateItem({ candidate, rank, selection, labelOf }: { candidate: TCandidate; rank: number; selection: Selection | undefined; labelOf: LabelOf }) {
  const { t, locale } = useI18n();
  const isDisabled = selection?.disabled?.has(candidate.workerId) ?? false;
  return (
    <li className="candidate" data-testid="candidate" data-worker-id={candidate.workerId}>
      <div className="candidate-head">
        {selection ? (
          <label className="check candidate-name">
            <input
              type="checkbox"
              checked={selection.selected.has(candidate.workerId)}
              disabled={isDisabled}
              onChange={() => selection.onToggle(candidate.workerId)}
              data-testid="candidate-select"
            />
            <span>
              {rank}. {candidate.name}
            </span>
          </label>
        ) : (
          <span className="candidate-name">
            {rank}. {candidate.name}
          </span>
        )}
        <span className="badge badge-strong" data-testid="candidate-score" title={t('mediation.candidates.scoreHint')}>
          {t('mediation.candidates.score', { score: formatScore(candidate.score, locale) })}
        </span>
      </div>
      <p className="muted">
        {t(`kind.${candidate.kind}` as MessageKey)} · {t('mediation.candidates.distance', { km: formatScore(candidate.distanceKm, locale) })}
        {isDisabled && ` · ${t('mediation.candidates.alreadyOffered')}`}
      </p>
      <details className="candidate-why">
        <summary>{t('mediation.candidates.why')}</summary>
        <ul className="score-parts" data-testid="score-parts">
          {candidate.parts.map((part) => (
            <li key={part.part} data-part={part.part}>
              <span className="part-name">{t(partName(part.part))}</span>
              <span className="part-points" title={t('mediation.candidates.points')}>
                {formatScore(part.points, locale)} / {formatScore(part.weight, locale)}
              </span>
              <span className="part-reason">{partReason(part, t, locale, labelOf)}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function RuledOut({ list, labelOf }: { list: TCandidateList; labelOf: LabelOf }) {
  const { t, locale } = useI18n();
  if (list.ruledOut.length === 0) return null;
  const total = list.ruledOut.reduce((sum, g) => sum + g.count, 0);
  return (
    <section className="ruled-out" data-testid="ruled-out">
      <h3>{t('mediation.candidates.ruledOut', { count: formatNumber(total, locale) })}</h3>
      <ul className="ruled-out-list">
        {list.ruledOut.map((group) => (
          <li key={group.rule} data-rule={group.rule} data-testid="ruled-out-group">
            <p className="ruled-out-count">{ruledOutText(group.rule, group.count, t, locale)}</p>
            {group.byCompetence && group.byCompetence.length > 0 && (
              <p className="muted" data-testid="ruled-out-competences">
                {group.byCompetence.map((c) => t('mediation.ruledOut.competenceKey', { count: formatNumber(c.count, locale), label: labelOf(c.key) })).join(' · ')}
              </p>
            )}
            {group.examples.length > 0 && (
              <p className="muted">
                {t('mediation.candidates.forExample', {
                  names: group.examples
                    .map((e) => (e.violation?.rule === 'competence' ? `${e.name} (${missingText(e.violation.params.missing, t, labelOf)})` : e.name))
                    .join(', '),
                })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Read-only candidates (a planner looking at their shift or request), loaded only when asked for:
 * ranking reads the whole region.
 */
export function CandidatesOnDemand({ load, hint, labelOf }: { load: () => Promise<TCandidateList>; hint: string; labelOf?: LabelOf }) {
  const { t } = useI18n();
  const [isShown, setIsShown] = useState(false);
  if (!isShown) {
    return (
      <div className="planning-entry" data-testid="candidates-entry">
        <button type="button" className="button button-secondary" data-testid="show-candidates" onClick={() => setIsShown(true)}>
          {t('marketplace.detail.showCandidates')}
        </button>
        <span className="muted">{hint}</span>
      </div>
    );
  }
  return (
    <Card title={t('mediation.candidates.title')} testId="candidates-card">
      <LoadedCandidates load={load} labelOf={labelOf} />
    </Card>
  );
}

function LoadedCandidates({ load, labelOf }: { load: () => Promise<TCandidateList>; labelOf?: LabelOf }) {
  const loaded = useLoad(load, []);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  return <CandidateList list={loaded.data} labelOf={labelOf} />;
}
