import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import {
  ZAvailabilityException,
  ZAvailabilityExceptionView,
  ZCreateCredentialRequest,
  ZCreateWorkerRequest,
  ZCredential,
  ZListAvailabilityExceptionsQuery,
  ZListWorkersQuery,
  ZUpdateWorkerRequest,
  ZVerifyCredentialRequest,
  ZWorkerList,
  ZWorkerProfile,
} from '../../shared/workers.schemas.js';
import { isAdmin, regionIdsAs } from '../auth/actor.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { forbidden } from '../errors/app-error.js';
import { errorResponses } from '../http/responses.js';
import { listWorkers } from './workers.repo.js';
import * as service from './workers.service.js';

export const workerRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/workers',
    {
      schema: {
        tags: ['workers'],
        summary: 'The pool of a region (mediators, coordinators, admins)',
        querystring: ZListWorkersQuery,
        response: { 200: ZWorkerList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!isAdmin(actor) && regionIdsAs(actor, 'mediator', 'coordinator').length === 0) throw forbidden('Only mediators and coordinators browse the pool');
      return listWorkers(db, actor, request.query);
    },
  );

  app.post(
    '/api/workers',
    { schema: { tags: ['workers'], summary: 'Register a worker in a region (mediator)', body: ZCreateWorkerRequest, response: { 201: ZWorkerProfile, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createWorker(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/workers/:id',
    { schema: { tags: ['workers'], summary: 'A worker’s profile (yourself, or your region’s mediators); reads are audited', params: ZIdParams, response: { 200: ZWorkerProfile, ...errorResponses } } },
    async (request) => service.getWorkerProfile(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/workers/:id',
    {
      schema: {
        tags: ['workers'],
        summary: 'Change a worker’s profile: packages, travel radius, hours, availability, preferences',
        params: ZIdParams,
        body: ZUpdateWorkerRequest,
        response: { 200: ZWorkerProfile, ...errorResponses },
      },
    },
    async (request) => service.updateWorkerProfile(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/workers/:id/credentials',
    { schema: { tags: ['workers'], summary: 'A worker’s registrations (BIG and others); reads are audited', params: ZIdParams, response: { 200: z.array(ZCredential), ...errorResponses } } },
    async (request) => service.listWorkerCredentials(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/workers/:id/credentials',
    {
      schema: {
        tags: ['workers'],
        summary: 'Add a registration; a BIG number must pass its check digit',
        params: ZIdParams,
        body: ZCreateCredentialRequest,
        response: { 201: ZCredential, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addCredential(db, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/credentials/:id/verification',
    {
      schema: {
        tags: ['workers'],
        summary: 'Mark a registration verified or rejected (mediator, coordinator)',
        params: ZIdParams,
        body: ZVerifyCredentialRequest,
        response: { 200: ZCredential, ...errorResponses },
      },
    },
    async (request) => service.verifyCredential(db, actorOf(request), request.params.id, request.body.verificationStatus),
  );

  app.get(
    '/api/workers/:id/availability-exceptions',
    {
      schema: {
        tags: ['workers'],
        summary: 'A worker’s dated exceptions to the weekly pattern (extra availability, unavailability), from now on or overlapping from–to',
        params: ZIdParams,
        querystring: ZListAvailabilityExceptionsQuery,
        response: { 200: z.array(ZAvailabilityExceptionView), ...errorResponses },
      },
    },
    async (request) => service.listAvailabilityExceptions(db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/workers/:id/availability-exceptions',
    {
      schema: {
        tags: ['workers'],
        summary: 'Add a dated exception: extra availability, or unavailability (holiday, sick, exam) with a reason; at most 90 days, no overlap with another of the same kind',
        params: ZIdParams,
        body: ZAvailabilityException,
        response: { 201: ZAvailabilityExceptionView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addAvailabilityException(db, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/api/availability-exceptions/:id',
    {
      schema: {
        tags: ['workers'],
        summary: 'Change a dated exception (the same rules as adding one)',
        params: ZIdParams,
        body: ZAvailabilityException,
        response: { 200: ZAvailabilityExceptionView, ...errorResponses },
      },
    },
    async (request) => service.changeAvailabilityException(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/availability-exceptions/:id',
    { schema: { tags: ['workers'], summary: 'Delete a dated exception', params: ZIdParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await service.deleteAvailabilityException(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
