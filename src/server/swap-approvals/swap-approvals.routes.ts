import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZSwapAwaitingApproval } from '../../shared/swap-approvals.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { listSwapsAwaitingApproval } from './swap-approvals.service.js';

export const swapApprovalRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/swap-approvals',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Swaps both workers agreed to that wait for me (planner), on open shifts of my organisations; decide with POST /api/swaps/:id/approve or /reject',
        response: { 200: z.array(ZSwapAwaitingApproval), ...errorResponses },
      },
    },
    async (request) => listSwapsAwaitingApproval(db, actorOf(request)),
  );
};
