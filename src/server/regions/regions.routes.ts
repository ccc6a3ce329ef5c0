import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import { ZCreateRegionRequest, ZRegion, ZRegionSummary, ZUpdateRegionRulesRequest } from '../../shared/regions.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { listRegions } from './regions.repo.js';
import * as service from './regions.service.js';

export const regionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/regions', { schema: { tags: ['regions'], summary: 'Regions you belong to (admins: all)', response: { 200: z.array(ZRegion), ...errorResponses } } }, async (request) =>
    (await listRegions(db, actorOf(request))).map(service.toRegion),
  );

  app.get(
    '/api/regions/:id',
    { schema: { tags: ['regions'], summary: 'A region with its counts', params: ZIdParams, response: { 200: ZRegionSummary, ...errorResponses } } },
    async (request) => service.getRegionSummary(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/regions',
    { schema: { tags: ['regions'], summary: 'Create a region (admin)', body: ZCreateRegionRequest, response: { 201: ZRegion, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createRegion(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/regions/:id/rules',
    {
      schema: {
        tags: ['regions'],
        summary: 'Change the working-time rules of a region (coordinator)',
        params: ZIdParams,
        body: ZUpdateRegionRulesRequest,
        response: { 200: ZRegion, ...errorResponses },
      },
    },
    async (request) => service.updateRules(db, actorOf(request), request.params.id, request.body),
  );
};
