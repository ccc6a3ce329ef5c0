// Swaps that wait for a planner: two workers agreed, the organisation wants to approve first.
import { z } from 'zod';
import { ZSwap } from './assignments.schemas.js';

export const ZSwapAwaitingApproval = ZSwap.extend({
  /** When the colleague said yes. */
  acceptedAt: z.iso.datetime({ offset: true }),
});
export type TSwapAwaitingApproval = z.infer<typeof ZSwapAwaitingApproval>;
