// Ranked candidates for a shift or a request: every worker of the region who could do it, ordered by
// a transparent score, and for the others why not. Ranking one shift against a whole region must be
// fast, so it runs in stages:
// 1. one SQL pass over the region (`ranking/pool.ts`) counts the workers the package rule, the
//    travel rule and a request's required competences rule out and short-lists the best-placed of the others; it reads only the region's
//    workers and their packages, so it is kept in process under the region's `workers_version`
//    (`ranking/pool-cache.ts`), which the database changes on every write to them;
// 2. the short list is scored in one statement (`ranking/score.ts`) — every part of the score is
//    known before the exact check, so the check can go best score first;
// 3. the planning engine's own hard constraints (`ranking/exact-check.ts`, the same ones claims and
//    auto-planning use) check the best-scored workers exactly, in ONE planning problem per batch,
//    and the next batch only while fewer than the page asked for may take it.
import type { TCandidate, TCandidateList, TRankingRule, TRuledOutGroup } from '../../shared/mediation.schemas.js';
import { describe } from '../assignments/eligibility.js';
import type { DbOrTx } from '../db/open-database.js';
import { checkWorkers, groupingRuleOf } from './ranking/exact-check.js';
import { EXAMPLES_PER_RULE, type PoolScan } from './ranking/pool.js';
import { loadPool } from './ranking/pool-cache.js';
import { byScore, describeMissing, fullName, loadCandidateRows, missingRequired, round, toCandidate, type CandidateRow } from './ranking/score.js';
import { NO_COMPETENCES, type RankingTarget } from './ranking/target.js';

export type { RankingTarget } from './ranking/target.js';

/**
 * At most this many workers who pass the quick filter (best-placed first) are scored: ten times the
 * page asked for, at least 200. Farther workers who pass the quick filter are not ranked.
 */
export const shortListSizeFor = (limit: number) => Math.min(2000, Math.max(200, limit * 10));
/** The first exact check takes twice the page, so that a few ruled-out workers rarely cost a second one. */
const firstBatchFor = (limit: number) => Math.max(20, 2 * limit);

/** The groups the quick filter counted in SQL, with their examples worded as the engine words them. */
function filteredOutGroups(pool: PoolScan, target: RankingTarget, rows: Map<string, CandidateRow>): TRuledOutGroup[] {
  const { counts, examples } = pool;
  const required = (target.competences ?? NO_COMPETENCES).required;
  return (['package', 'travel', 'competence'] as const)
    .filter((rule) => counts[rule] > 0)
    .map((rule) => ({
      rule,
      count: counts[rule],
      examples: examples[rule].flatMap((id): TRuledOutGroup['examples'] => {
        const row = rows.get(id);
        if (!row) return [];
        if (rule === 'competence') {
          const missing = missingRequired(required, row.competences);
          return [{ workerId: id, name: fullName(row), violation: { rule, params: { missing: missing.join(',') }, message: describeMissing(missing) } }];
        }
        const params: Record<string, number> = rule === 'travel' ? { distanceKm: round(row.distanceKm), maxTravelKm: row.maxTravelKm } : {};
        return [{ workerId: id, name: fullName(row), violation: { rule, params, message: describe(rule, params) } }];
      }),
      ...(rule === 'competence' ? { byCompetence: required.map((c, i) => ({ key: c.key, count: pool.missingByCompetence[i] ?? 0 })).filter((c) => c.count > 0) } : {}),
    }));
}

/** Ranked eligible candidates (at most `limit`) and the others grouped by the rule that rules them out. */
export async function rankCandidates(db: DbOrTx, target: RankingTarget, options: { limit: number; now?: Date }): Promise<TCandidateList> {
  const now = options.now ?? new Date();
  const pool = await loadPool(db, target, shortListSizeFor(options.limit));
  const rows = new Map(
    (await loadCandidateRows(db, target, [...pool.shortList, ...pool.examples.package, ...pool.examples.travel, ...pool.examples.competence], now)).map((r) => [r.id, r]),
  );
  const scored = pool.shortList.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toCandidate(row, target)] : [];
  });
  scored.sort(byScore);

  const groups = new Map<TRankingRule, TRuledOutGroup>(filteredOutGroups(pool, target, rows).map((g) => [g.rule, g]));
  const candidates: TCandidate[] = [];
  let checked = 0;
  for (let size = firstBatchFor(options.limit); checked < scored.length && candidates.length < options.limit; size *= 2) {
    const batch = scored.slice(checked, checked + size);
    checked += batch.length;
    const violations = await checkWorkers(db, target, batch.map((c) => c.workerId));
    for (const candidate of batch) {
      const list = violations.get(candidate.workerId);
      if (!list) continue; // gone since the quick filter
      const first = groupingRuleOf(list);
      if (!first) {
        candidates.push(candidate);
        continue;
      }
      const group = groups.get(first.rule) ?? { rule: first.rule, count: 0, examples: [] };
      group.count++;
      if (group.examples.length < EXAMPLES_PER_RULE) group.examples.push({ workerId: candidate.workerId, name: candidate.name, violation: first });
      groups.set(first.rule, group);
    }
  }
  return {
    candidates: candidates.slice(0, options.limit),
    checkedCount: checked,
    ruledOut: [...groups.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}
