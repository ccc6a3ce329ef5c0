// Mediated matching: ranked candidates for shifts and requests, requests, offers and their answers,
// and the service-level queues per region.
import type { TCandidateList } from '../../shared/mediation.schemas.js';
import { canMediateRegion, plannerOrganisationIds, type Actor } from '../auth/actor.js';
import { findOrganisationContext } from '../assignments/assignments.repo.js';
import { loadShiftFacts } from '../assignments/eligibility.js';
import type { DbOrTx } from '../db/open-database.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import * as shiftRepo from '../shifts/shifts.repo.js';
import { rankCandidates } from './ranking.js';

/** Planners of the organisation, the region's mediators and coordinators, administrators. */
export function canSeeCandidates(actor: Actor, organisation: { organisationId: string; regionId: string }): boolean {
  return canMediateRegion(actor, organisation.regionId) || plannerOrganisationIds(actor).includes(organisation.organisationId);
}

export async function candidatesForShift(db: DbOrTx, actor: Actor, shiftId: string, limit: number, now = new Date()): Promise<TCandidateList> {
  const shift = await shiftRepo.findShift(db, shiftId);
  if (!shift) throw notFound('Shift', shiftId);
  const context = await findOrganisationContext(db, shift.organisationId);
  if (!canSeeCandidates(actor, context)) throw forbidden('Only the organisation’s planners and the region’s mediators see candidates');
  if (shift.status !== 'open') throw new AppError('SHIFT_CLOSED', 'This shift was cancelled');
  const [facts] = await loadShiftFacts(db, [shiftId]);
  return rankCandidates(
    db,
    { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: context.regionId, rules: context.rules, timeZone: context.timeZone },
    { limit, now },
  );
}
