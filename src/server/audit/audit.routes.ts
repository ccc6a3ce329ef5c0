import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditEntry, ZListAuditQuery } from '../../shared/audit.schemas.js';
import { isAdmin, regionIdsAs } from '../auth/actor.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { forbidden } from '../errors/app-error.js';
import { errorResponses } from '../http/responses.js';
import { listAudit } from './audit.repo.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who read or changed personal data (admins: everything; coordinators: their region)',
        querystring: ZListAuditQuery,
        response: { 200: z.array(ZAuditEntry), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const coordinated = regionIdsAs(actor, 'coordinator');
      if (!isAdmin(actor) && coordinated.length === 0) throw forbidden('Only administrators and coordinators read the audit log');
      const { regionId } = request.query;
      if (regionId && !isAdmin(actor) && !coordinated.includes(regionId)) throw forbidden('That region is not yours');
      const regionIds = regionId ? [regionId] : isAdmin(actor) ? undefined : coordinated;
      return listAudit(db, { ...request.query, regionIds });
    },
  );
};
