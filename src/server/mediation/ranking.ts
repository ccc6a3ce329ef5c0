// Ranked candidates for a shift or a request: every worker of the region who could do it, ordered by
// a transparent score, and for the others why not. Ranking one shift against a whole region must be
// fast, so it runs in stages:
// 1. one pass over the region counts the workers the package rule, the travel rule and a request's
//    required competences rule out and short-lists the best-placed of the others; it reads only the
//    region's workers, their packages and competences, so it is kept in process under the region's
//    `workers_version` (`ranking/pool-cache.ts`), which the database changes on every write to them,
//    and computed in JavaScript (`ranking/region-pass.ts`) over the process's copy of the region's
//    workers (`ranking/region-copy.ts`), which reads only the workers changed since its version. The
//    same pass in SQL (`ranking/pool.ts`) is the reference and the fallback;
// 2. the short list is scored (`ranking/score.ts`) — every part of the score is known before the
//    exact check, so the check can go best score first. Its facts, the exact check's assignments
//    and the version are read in ONE statement (`ranking/fresh-read.ts`): with the region
//    unchanged, a ranking costs that statement and the exact check's worker facts;
// 3. the planning engine's own hard constraints (`ranking/exact-check.ts`, the same ones claims and
//    auto-planning use) check the best-scored workers exactly, in ONE planning problem per batch,
//    and the next batch only while fewer than the page asked for may take it.
import type { TCandidate, TCandidateList, TRankingRule, TRuledOutGroup } from '../../shared/mediation.schemas.js';
import { describe } from '../assignments/eligibility.js';
import type { DbOrTx } from '../db/open-database.js';
import { checkWorkers, groupingRuleOf, type CheckPrefetch } from './ranking/exact-check.js';
import { EXAMPLES_PER_RULE, type PoolScan } from './ranking/pool.js';
import { loadPoolAndRead } from './ranking/pool-cache.js';
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
  const checkedKey = [target.kind, target.facts.id, target.packageIds.join(','), options.limit].join('|');
  const { pool, fresh } = await loadPoolAndRead(db, target, shortListSizeFor(options.limit), now, lastChecked.get(checkedKey) ?? []);
  const rows = new Map(fresh.rows.map((r) => [r.id, r]));
  // Read with the version in one statement; only a worker on the shift in the lists makes the
  // pass list someone further down, whose facts are read here.
  const unread = [...pool.shortList, ...pool.examples.package, ...pool.examples.travel, ...pool.examples.competence].filter((id) => !rows.has(id));
  for (const row of await loadCandidateRows(db, target, unread, now)) rows.set(row.id, row);
  const list = await scoreAndCheck(db, target, options.limit, pool, rows, fresh.prefetch);
  lastChecked.delete(checkedKey);
  lastChecked.set(checkedKey, list.checkedIds);
  while (lastChecked.size > LAST_CHECKED_KEPT) lastChecked.delete(lastChecked.keys().next().value!);
  return list.result;
}

/**
 * The workers the last ranking of a target checked exactly, per target and page size: the next
 * ranking reads their worker facts with the version (`readFresh`), as it mostly checks the same.
 */
const lastChecked = new Map<string, string[]>();
const LAST_CHECKED_KEPT = 256;

/**
 * The ranking from the quick filter's lists and counts and the score facts of the workers listed:
 * score, then the exact check best-scored first. `prefetch`: the exact check's assignments, read
 * already (else the check reads them).
 */
export async function rankFromPool(
  db: DbOrTx,
  target: RankingTarget,
  limit: number,
  pool: PoolScan,
  rows: Map<string, CandidateRow>,
  prefetch?: CheckPrefetch,
): Promise<TCandidateList> {
  return (await scoreAndCheck(db, target, limit, pool, rows, prefetch)).result;
}

/** `rankFromPool`, and the ids of the workers it checked exactly. */
async function scoreAndCheck(
  db: DbOrTx,
  target: RankingTarget,
  limit: number,
  pool: PoolScan,
  rows: Map<string, CandidateRow>,
  prefetch?: CheckPrefetch,
): Promise<{ result: TCandidateList; checkedIds: string[] }> {
  const options = { limit };
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
    const violations = await checkWorkers(db, target, batch.map((c) => c.workerId), prefetch);
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
    result: {
      candidates: candidates.slice(0, options.limit),
      checkedCount: checked,
      ruledOut: [...groups.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    },
    checkedIds: scored.slice(0, checked).map((c) => c.workerId),
  };
}
