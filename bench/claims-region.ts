// The demo region scaled for the claims benchmark. The demo generator takes a worker count but
// posts a fixed volume of shifts (the catalogue's organisations and demand: about 1,350 in four
// weeks), so the shifts of further seeds are added at the same locations until the target count is
// reached. Loading goes through the demo's own bulk loader (multi-row inserts in one transaction).
import type { Db } from '../src/server/db/open-database.js';
import { defaultPasswordHash } from '../src/server/demo/builders.js';
import { generateRegion, type GeneratedAccount, type GeneratedRegion } from '../src/server/demo/generate-region.js';
import { loadGeneratedRegion, type LoadedRegion } from '../src/server/demo/load-region.js';

export type ScaledRegionOptions = {
  workerCount: number;
  shiftCount: number;
  /** Workers that get an account to sign in with, spread evenly over the pool. */
  loginCount: number;
  weeks?: number;
  seed?: number;
  now?: Date;
};

export type ScaledRegion = { generated: GeneratedRegion; loginEmails: string[] };

export function generateScaledRegion(options: ScaledRegionOptions): ScaledRegion {
  const seed = options.seed ?? 20_270_104;
  const now = options.now ?? new Date();
  const weeks = options.weeks ?? 4;
  const base = generateRegion({ seed, workerCount: options.workerCount, weeks, now, withAccounts: false });
  // All of the base region's shifts stay, under their own keys: its pre-filled assignments refer to
  // them. So the smallest region has one demo region's shifts.
  const shifts = [...base.shifts];
  for (let extra = 1; shifts.length < options.shiftCount; extra++) {
    const more = generateRegion({ seed: seed + extra, workerCount: 1, weeks, now, startDate: base.startDate, withAccounts: false }).shifts;
    for (const shift of more) {
      if (shifts.length >= options.shiftCount) break;
      shifts.push({ ...shift, key: `x${extra}-${shift.key}` });
    }
  }
  const step = Math.max(1, Math.floor(base.workers.length / Math.max(1, options.loginCount)));
  const accounts: GeneratedAccount[] = [];
  for (let i = 0; i < base.workers.length && accounts.length < options.loginCount; i += step) {
    const worker = base.workers[i]!;
    accounts.push({ email: worker.email, name: `${worker.firstName} ${worker.lastName}`, roles: [{ role: 'worker', inRegion: true }], workerKey: worker.key });
  }
  return { generated: { ...base, shifts, accounts }, loginEmails: accounts.map((a) => a.email) };
}

export async function loadScaledRegion(db: Db, region: ScaledRegion): Promise<LoadedRegion> {
  return loadGeneratedRegion(db, region.generated, { passwordHash: await defaultPasswordHash() });
}
