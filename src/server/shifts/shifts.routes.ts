import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import {
  ZCreatedShifts,
  ZCreateShiftRequest,
  ZCreateShiftSeriesRequest,
  ZListShiftsQuery,
  ZOrganisationSettings,
  ZReasonRequest,
  ZShift,
  ZShiftDetail,
} from '../../shared/shifts.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { listShifts } from './shifts.repo.js';
import * as service from './shifts.service.js';

export const shiftRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/shifts',
    {
      schema: {
        tags: ['shifts'],
        summary: 'Shifts with places filled and claims waiting (planners: their organisations; mediators and coordinators: their region)',
        querystring: ZListShiftsQuery,
        response: { 200: z.array(ZShift), ...errorResponses },
      },
    },
    async (request) => (await listShifts(db, actorOf(request), request.query)).map(service.toShift),
  );

  app.get(
    '/api/shifts/:id',
    { schema: { tags: ['shifts'], summary: 'A shift with who is coming (name, kind, contact only)', params: ZIdParams, response: { 200: ZShiftDetail, ...errorResponses } } },
    async (request) => service.getShiftDetail(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/shifts',
    { schema: { tags: ['shifts'], summary: 'Post an open shift (planner)', body: ZCreateShiftRequest, response: { 201: ZShift, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.postShift(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/shift-series',
    {
      schema: {
        tags: ['shifts'],
        summary: 'Post a series: the same shift on chosen weekdays between two dates (planner)',
        body: ZCreateShiftSeriesRequest,
        response: { 201: ZCreatedShifts, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.postSeries(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/shifts/:id/cancel',
    {
      schema: {
        tags: ['shifts'],
        summary: 'Cancel a shift and its assignments; workers see the reason',
        params: ZIdParams,
        body: ZReasonRequest,
        response: { 200: ZShift, ...errorResponses },
      },
    },
    async (request) => service.cancelShift(db, actorOf(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/organisations/:id/settings',
    { schema: { tags: ['organisations'], summary: 'Claim, cancellation and swap settings', params: ZIdParams, response: { 200: ZOrganisationSettings, ...errorResponses } } },
    async (request) => service.getOrganisationSettings(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/organisations/:id/settings',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Instant confirmation or approval, cancellation cut-off, swap approval',
        params: ZIdParams,
        body: ZOrganisationSettings.partial(),
        response: { 200: ZOrganisationSettings, ...errorResponses },
      },
    },
    async (request) => service.updateOrganisationSettings(db, actorOf(request), request.params.id, request.body),
  );
};
