import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import { ZActivityPackage, ZCreatePackageRequest, ZListPackagesQuery } from '../../shared/packages.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { listPackages } from './packages.repo.js';
import { createRegionPackage } from './packages.service.js';

export const packageRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/packages',
    {
      schema: {
        tags: ['packages'],
        summary: 'Activity packages: the national ones and your regions’ own',
        querystring: ZListPackagesQuery,
        response: { 200: z.array(ZActivityPackage), ...errorResponses },
      },
    },
    async (request) => listPackages(db, actorOf(request), request.query.regionId),
  );

  app.post(
    '/api/regions/:id/packages',
    {
      schema: {
        tags: ['packages'],
        summary: 'Add a region’s own activity package (coordinator)',
        params: ZIdParams,
        body: ZCreatePackageRequest,
        response: { 201: ZActivityPackage, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createRegionPackage(db, actorOf(request), request.params.id, request.body)),
  );
};
