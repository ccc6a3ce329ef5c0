// Swaps as the two workers and the planner see them: who hands which shift to whom, with only first
// name and initial of the two workers. The planner's queue holds only their own organisations'
// shifts, soonest first; the decision itself is in assignments.
import type { TSwap } from '../../shared/assignments.schemas.js';
import type { TSwapAwaitingApproval } from '../../shared/swap-approvals.schemas.js';
import { hasRole, plannerOrganisationIds, type Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { forbidden } from '../errors/app-error.js';
import { findSwaps, listAcceptedSwaps, listSwapsOfWorker, type SwapRow } from './swap-approvals.repo.js';

const shortName = (firstName: string, lastName: string) => `${firstName} ${lastName.charAt(0)}.`;

const toSwap = (r: SwapRow): TSwap => ({
  id: r.swap.id,
  assignmentId: r.swap.assignmentId,
  shiftId: r.shiftId,
  fromWorkerId: r.swap.fromWorkerId,
  fromWorkerName: shortName(r.fromFirstName, r.fromLastName),
  toWorkerId: r.swap.toWorkerId,
  toWorkerName: shortName(r.toFirstName, r.toLastName),
  status: r.swap.status,
  note: r.swap.note,
  reason: r.swap.reason,
  decidedAt: r.swap.decidedAt?.toISOString() ?? null,
  shift: {
    id: r.shiftId,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    locationName: r.locationName,
    timeZone: r.timeZone,
    packageId: r.packageId,
    packageCode: r.packageCode,
    start: r.start.toISOString(),
    end: r.end.toISOString(),
  },
});

/** One swap as the workers see it (after a change, in the caller's transaction). */
export async function swapView(db: DbOrTx, swapId: string): Promise<TSwap> {
  const [row] = await findSwaps(db, [swapId]);
  return toSwap(row!);
}

/** The worker's swaps, offered or asked, newest first. */
export async function swapsOfWorker(db: DbOrTx, workerId: string): Promise<TSwap[]> {
  return (await listSwapsOfWorker(db, workerId)).map(toSwap);
}

export async function listSwapsAwaitingApproval(db: Db, actor: Actor): Promise<TSwapAwaitingApproval[]> {
  if (!hasRole(actor, 'planner')) throw forbidden('Only planners approve swaps');
  const rows = await listAcceptedSwaps(db, plannerOrganisationIds(actor));
  return rows.map((r) => ({ ...toSwap(r), acceptedAt: (r.swap.decidedAt ?? r.swap.createdAt).toISOString() }));
}
