import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import { ZJobAccepted, ZListPlanningRunsQuery, ZPlanningPreview, ZSolveQuery, ZSolveStatus, ZStartPlanningRequest } from '../../shared/planning.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Database } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import * as service from './planning.service.js';

const tags = ['planning'];

export const planningRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  const db = database.db;

  app.post(
    '/api/solves',
    {
      schema: {
        tags,
        summary: 'Solve a planning problem document (format v1) as a job; a malformed document is rejected whole with path-level issues',
        querystring: ZSolveQuery,
        body: z.record(z.string(), z.unknown()),
        response: { 202: ZJobAccepted, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await service.startDocumentSolve(database, actorOf(request), request.body, request.query.timeLimitSeconds)),
  );

  app.get(
    '/api/solves/:id',
    { schema: { tags, summary: 'Status, best score so far, and the solution once the search stopped', params: ZIdParams, response: { 200: ZSolveStatus, ...errorResponses } } },
    async (request) => service.getSolve(db, actorOf(request), request.params.id),
  );

  app.delete(
    '/api/solves/:id',
    { schema: { tags, summary: 'Stop a solve early; it keeps the best solution found', params: ZIdParams, response: { 200: ZSolveStatus, ...errorResponses } } },
    async (request) => service.stopSolve(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/planning-runs',
    {
      schema: {
        tags,
        summary: 'Auto-plan a region (coordinator) or an organisation (planner) over a horizon, from the database state',
        body: ZStartPlanningRequest,
        response: { 202: ZJobAccepted, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await service.startAutoPlanning(database, actorOf(request), request.body)),
  );

  app.get(
    '/api/planning-runs',
    { schema: { tags, summary: 'Recent auto-planning runs you may see', querystring: ZListPlanningRunsQuery, response: { 200: z.array(ZSolveStatus), ...errorResponses } } },
    async (request) => service.listPlanningRuns(db, actorOf(request), request.query.regionId),
  );

  app.get(
    '/api/planning-runs/:id',
    {
      schema: {
        tags,
        summary: 'Progress, then the preview: proposals per organisation and worker with what each costs, open places with the rules that block them, score against the current state',
        params: ZIdParams,
        response: { 200: ZPlanningPreview, ...errorResponses },
      },
    },
    async (request) => service.getPlanningPreview(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/planning-runs/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish: proposals become confirmed assignments or offers, re-checked in one transaction; what no longer fits is skipped and reported',
        params: ZIdParams,
        response: { 200: ZPlanningPreview, ...errorResponses },
      },
    },
    async (request) => service.publishPlanningRun(db, actorOf(request), request.params.id),
  );
};
