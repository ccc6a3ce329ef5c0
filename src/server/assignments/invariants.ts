// The marketplace's invariants, checked in SQL over the whole database: used by the concurrency
// and property tests and by the claims benchmark. Each returns human-readable violations.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';

type Row = Record<string, unknown>;

async function rows(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}

export async function findInvariantViolations(db: DbOrTx): Promise<string[]> {
  const out: string[] = [];
  for (const r of await rows(db, sql`
    select s.id, s.places, count(a.id)::int as live, count(a.id) filter (where a.is_newcomer)::int as newcomers, s.supervision_capacity
    from shifts s join assignments a on a.shift_id = s.id and a.status in ('pending', 'confirmed')
    group by s.id having count(a.id) > s.places or count(a.id) filter (where a.is_newcomer) > s.supervision_capacity`)) {
    out.push(`shift ${String(r.id)}: ${String(r.live)} live for ${String(r.places)} places, ${String(r.newcomers)} newcomers for ${String(r.supervision_capacity)} supervision places`);
  }
  for (const r of await rows(db, sql`
    select worker_id, prev_end, start, gap_minutes, min_rest from (
      select a.worker_id, a.start, lag(a."end") over w as prev_end,
        extract(epoch from a.start - lag(a."end") over w) / 60 as gap_minutes,
        (g.rules ->> 'minRestMinutes')::int as min_rest
      from assignments a join shifts s on s.id = a.shift_id join organisations o on o.id = s.organisation_id join regions g on g.id = o.region_id
      where a.status in ('pending', 'confirmed')
      window w as (partition by a.worker_id order by a.start, a."end")
    ) x where prev_end is not null and gap_minutes < min_rest`)) {
    out.push(`worker ${String(r.worker_id)}: ${Number(r.gap_minutes)} min between shifts, at least ${String(r.min_rest)} required`);
  }
  for (const r of await rows(db, sql`
    select a.worker_id, date_trunc('week', a.start at time zone g.time_zone) as week,
      sum(extract(epoch from a."end" - a.start) / 60)::int as minutes,
      least((g.rules ->> 'maxMinutesPerWeek')::int, coalesce(w.max_minutes_per_week, 2147483647)) as cap
    from assignments a join workers w on w.id = a.worker_id join regions g on g.id = w.region_id
    where a.status in ('pending', 'confirmed')
    group by a.worker_id, week, g.rules, w.max_minutes_per_week
    having sum(extract(epoch from a."end" - a.start) / 60) > least((g.rules ->> 'maxMinutesPerWeek')::int, coalesce(w.max_minutes_per_week, 2147483647))`)) {
    out.push(`worker ${String(r.worker_id)}: ${String(r.minutes)} minutes in week ${String(r.week)}, cap ${String(r.cap)}`);
  }
  return out;
}
