import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import { ZCompetence, ZCompetencesQuery, ZCreateCompetence, ZSetWorkerCompetences, ZUpdateCompetence, ZWorkerCompetence } from '../../shared/competences.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import * as service from './competences.service.js';

const tags = ['competences'];

export const competenceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/regions/:id/competences',
    {
      schema: {
        tags,
        summary: 'The region’s competence catalogue (everyone of the region); retired entries only with includeRetired',
        params: ZIdParams,
        querystring: ZCompetencesQuery,
        response: { 200: z.array(ZCompetence), ...errorResponses },
      },
    },
    async (request) => service.listCatalogue(db, actorOf(request), request.params.id, request.query.includeRetired),
  );

  app.post(
    '/api/regions/:id/competences',
    { schema: { tags, summary: 'Add a competence to the region’s catalogue (coordinator, admin); a key in use is 409 on key', params: ZIdParams, body: ZCreateCompetence, response: { 201: ZCompetence, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createCompetence(db, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/competences/:id',
    { schema: { tags, summary: 'Relabel, reorder or retire a catalogue entry (coordinator, admin); the key stays', params: ZIdParams, body: ZUpdateCompetence, response: { 200: ZCompetence, ...errorResponses } } },
    async (request) => service.updateCompetence(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/workers/:id/competences',
    { schema: { tags, summary: 'A worker’s competences with their source (the person, the region’s mediators and coordinators)', params: ZIdParams, response: { 200: z.array(ZWorkerCompetence), ...errorResponses } } },
    async (request) => service.getWorkerCompetences(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/workers/:id/competences',
    {
      schema: {
        tags,
        summary: 'Replace a worker’s competences: the person declares their own; the region’s mediators and coordinators also confirm (confirmed: true) or withdraw a confirmation',
        params: ZIdParams,
        body: ZSetWorkerCompetences,
        response: { 200: z.array(ZWorkerCompetence), ...errorResponses },
      },
    },
    async (request) => service.setWorkerCompetences(db, actorOf(request), request.params.id, request.body),
  );
};
