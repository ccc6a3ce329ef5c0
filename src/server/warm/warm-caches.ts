// What a fresh app process would otherwise load on the first request of each region: the ranking's
// copy of the region's workers (0.7–1 s at 100,000 workers, bench:ranking "load") and the open-shift
// window. Loaded once at start, in the background, region by region; a request that comes first
// simply loads (or shares) it itself, and later requests bring both up to date as always.
import { sql } from 'drizzle-orm';
import { openShiftWindow } from '../assignments/open-shift-index.js';
import type { Db } from '../db/open-database.js';
import { regionCopies, type RegionCopies } from '../mediation/ranking/region-copy.js';

/** Loads every region's caches; returns how many regions were warmed. */
export async function warmCaches(db: Db, copies: RegionCopies = regionCopies, now = new Date()): Promise<number> {
  const result = (await db.execute(sql`select id from regions order by id`)) as { rows: { id: string }[] };
  for (const { id } of result.rows) {
    await copies.current(db, id);
    await openShiftWindow(db, id, now);
  }
  return result.rows.length;
}
