// What a ranking must read fresh, in ONE statement: the region's `workers_version` and where the
// pass would put each worker on the shift (`pool.ts`), the score facts of the workers the cached
// pass lists (`score.ts`), and what the exact check reads (`exact-check.ts`): the live assignments
// of the short-listed workers around the target, the people on the target shift, and the worker
// facts (`worker-facts.ts`) of the workers the last ranking of this target checked — usually the
// same ones, as the scores rarely change between two rankings; any others are read by the check.
// All of it in one snapshot, so the version says whether the lists the ids came from still hold.
// With a copy of the region's workers in process (`region-copy.ts`), the same statement reads the
// workers changed since the copy's version, so that a ranking after a write to a few workers brings
// the copy up to date without another round trip.
// The same SQL as the statements each of those files runs alone, wrapped in JSON: one round trip
// instead of five on the ranking's warm path.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-database.js';
import { toWorkerFacts, workerFactsSql, type WorkerFactsRow } from '../../planning/worker-facts.js';
import { heldWindow, prefetchWindow, type CheckPrefetch } from './exact-check.js';
import { versionAndOnShiftSql, type OnShiftWorker } from './pool.js';
import { changesSinceSql, type RegionChanges } from './region-copy.js';
import { candidateRowsSql, type CandidateRow } from './score.js';
import type { RankingTarget } from './target.js';

export type FreshRead = {
  version: number;
  onShift: OnShiftWorker[];
  /** Score facts of the workers asked for (`scored`). */
  rows: CandidateRow[];
  /** The exact check's assignments, for the workers asked for (`checked`). */
  prefetch: CheckPrefetch;
  /** The workers changed since `changesSince` (`changesSinceSql`): null when not asked or when the log cannot bring a copy at that version up to date. */
  changes: RegionChanges | null;
};

/** The fresh facts for these workers: `scored` get their score facts, `checked` their assignments around the target. */
export async function readFresh(
  db: DbOrTx,
  target: RankingTarget,
  ids: { scored: string[]; checked: string[]; facts?: string[] },
  now: Date,
  /** The version of the region's copy kept in process: the workers changed since are read too. */
  changesSince?: number,
): Promise<FreshRead> {
  const t = target.facts;
  const isShift = target.kind === 'shift';
  const { from, to } = heldWindow(target);
  const live = sql`a.status in ('pending', 'confirmed')`;
  const rows = ids.scored.length
    ? sql`(select coalesce(json_agg(c), '[]'::json) from (${candidateRowsSql(target, ids.scored, now)}) c)`
    : sql`'[]'::json`;
  const occupants = isShift
    ? sql`(select coalesce(json_agg(json_build_object('id', a.id, 'isNewcomer', a.is_newcomer)), '[]'::json) from assignments a where a.shift_id = ${t.id}::uuid and ${live})`
    : sql`'[]'::json`;
  const held =
    isShift && ids.checked.length
      ? sql`(select coalesce(json_agg(json_build_object('workerId', a.worker_id, 'shiftId', a.shift_id)), '[]'::json) from assignments a
          where a.worker_id = any (${sql.param(ids.checked)}::uuid[]) and ${live} and a.start < ${to.toISOString()}::timestamptz and a."end" > ${from.toISOString()}::timestamptz)`
      : sql`'[]'::json`;
  const factIds = ids.facts ?? [];
  const window = prefetchWindow(target);
  const facts = factIds.length ? sql`(select coalesce(json_agg(f), '[]'::json) from (${workerFactsSql(factIds, window)}) f)` : sql`'[]'::json`;
  const changes = changesSince === undefined ? sql`null::json` : changesSinceSql(target.regionId, changesSince);
  const result = (await db.execute(sql`
    select v."version", v."onShift", ${rows} as "rows", ${occupants} as "occupants", ${held} as "held", ${facts} as "facts", ${changes} as "changes"
    from (${versionAndOnShiftSql(target)}) v`)) as {
    rows: {
      version: string | number | null;
      onShift: OnShiftWorker[];
      rows: CandidateRow[];
      occupants: CheckPrefetch['occupants'];
      held: CheckPrefetch['held'];
      facts: WorkerFactsRow[];
      changes: RegionChanges | null;
    }[];
  };
  const row = result.rows[0]!;
  return {
    version: Number(row.version),
    onShift: row.onShift,
    rows: row.rows,
    prefetch: {
      workerIds: new Set(ids.checked),
      held: row.held,
      occupants: row.occupants,
      workerFacts: { workerIds: new Set(factIds), window, byId: new Map(row.facts.map((f) => [f.id, toWorkerFacts(f)])) },
    },
    changes: row.changes,
  };
}
