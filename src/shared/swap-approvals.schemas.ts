// Swaps that wait for a planner: two workers agreed, the organisation wants to approve first.
import { z } from 'zod';
import { ZSwap } from './assignments.schemas.js';
import { ZShift } from './shifts.schemas.js';

export const ZSwapAwaitingApproval = ZSwap.extend({
  /** When the colleague said yes. */
  acceptedAt: z.iso.datetime({ offset: true }),
  shift: ZShift.pick({ id: true, organisationId: true, organisationName: true, locationName: true, timeZone: true, packageId: true, packageCode: true, start: true, end: true }),
});
export type TSwapAwaitingApproval = z.infer<typeof ZSwapAwaitingApproval>;
