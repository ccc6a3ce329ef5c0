import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import { ZCandidateList, ZCandidatesQuery } from '../../shared/mediation.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import * as service from './mediation.service.js';

const tags = ['mediation'];

export const mediationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/shifts/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Ranked candidates for a shift with their score parts, and the other workers of the region grouped by why not (planners, mediators)',
        params: ZIdParams,
        querystring: ZCandidatesQuery,
        response: { 200: ZCandidateList, ...errorResponses },
      },
    },
    async (request) => service.candidatesForShift(db, actorOf(request), request.params.id, request.query.limit),
  );
};
