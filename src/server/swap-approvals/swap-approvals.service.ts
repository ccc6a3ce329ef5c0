// The planner's queue of swaps to approve: only their own organisations' shifts, only first name
// and initial of the two workers (as the workers see each other), soonest shift first.
import type { TSwapAwaitingApproval } from '../../shared/swap-approvals.schemas.js';
import { hasRole, plannerOrganisationIds, type Actor } from '../auth/actor.js';
import type { Db } from '../db/open-database.js';
import { forbidden } from '../errors/app-error.js';
import { listAcceptedSwaps } from './swap-approvals.repo.js';

const shortName = (firstName: string, lastName: string) => `${firstName} ${lastName.charAt(0)}.`;

export async function listSwapsAwaitingApproval(db: Db, actor: Actor): Promise<TSwapAwaitingApproval[]> {
  if (!hasRole(actor, 'planner')) throw forbidden('Only planners approve swaps');
  const rows = await listAcceptedSwaps(db, plannerOrganisationIds(actor));
  return rows.map((r) => ({
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
    acceptedAt: (r.swap.decidedAt ?? r.swap.createdAt).toISOString(),
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
  }));
}
