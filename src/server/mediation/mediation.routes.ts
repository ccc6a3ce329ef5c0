import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import {
  ZCandidateList,
  ZCandidatesQuery,
  ZCreateMediationRequest,
  ZCreateOffers,
  ZDeclineOffer,
  ZMediationQueues,
  ZMediationRequest,
  ZMediationRequestsQuery,
  ZOffer,
  ZPlacementResult,
  ZPlaceOnShifts,
} from '../../shared/mediation.schemas.js';
import { ZSetRequestCompetences } from '../../shared/competences.schemas.js';
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

  app.post(
    '/api/requests',
    { schema: { tags, summary: 'Post a request: a need for a person over a period, in activity packages (planner)', body: ZCreateMediationRequest, response: { 201: ZMediationRequest, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createRequest(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/requests',
    { schema: { tags, summary: 'Requests: of my organisations (planners) or of my regions (mediators, coordinators)', querystring: ZMediationRequestsQuery, response: { 200: z.array(ZMediationRequest), ...errorResponses } } },
    async (request) => service.listRequests(db, actorOf(request), request.query),
  );

  app.get(
    '/api/requests/:id',
    { schema: { tags, summary: 'A request with its offers', params: ZIdParams, response: { 200: ZMediationRequest.extend({ offers: z.array(ZOffer) }), ...errorResponses } } },
    async (request) => service.getRequest(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/requests/:id/competences',
    {
      schema: {
        tags,
        summary: 'Replace a request’s competence requirements: required (rules out who lacks one) or wished (scores); planner of the organisation, the region’s mediators',
        params: ZIdParams,
        body: ZSetRequestCompetences,
        response: { 200: ZMediationRequest, ...errorResponses },
      },
    },
    async (request) => service.setRequestCompetences(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/requests/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Ranked candidates for a request (package, registration and travel rules; time rules apply when its shifts are planned)',
        params: ZIdParams,
        querystring: ZCandidatesQuery,
        response: { 200: ZCandidateList, ...errorResponses },
      },
    },
    async (request) => service.candidatesForRequest(db, actorOf(request), request.params.id, request.query.limit),
  );

  app.post(
    '/api/requests/:id/offers',
    { schema: { tags, summary: 'Offer one or more candidates for a request, with a note (mediator)', params: ZIdParams, body: ZCreateOffers, response: { 201: z.array(ZOffer), ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createOffers(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/offers/:id/accept',
    { schema: { tags, summary: 'Accept an offered candidate (planner); the request is filled', params: ZIdParams, response: { 200: ZOffer, ...errorResponses } } },
    async (request) => service.acceptOffer(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/offers/:id/decline',
    { schema: { tags, summary: 'Decline an offered candidate with a reason and the next step (planner)', params: ZIdParams, body: ZDeclineOffer, response: { 200: ZOffer, ...errorResponses } } },
    async (request) => service.declineOffer(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/offers/:id/shifts',
    {
      schema: {
        tags,
        summary: 'Place the accepted person on open shifts of the organisation (mediator, the organisation’s planner): confirmed at once through the claim rules, all or nothing',
        params: ZIdParams,
        body: ZPlaceOnShifts,
        response: { 201: ZPlacementResult, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.placeOnShifts(db, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/regions/:id/mediation-queues',
    {
      schema: {
        tags,
        summary: 'Service-level queues: requests without a first offer (24 h) and offers without an answer (48 h), with age and overdue flags',
        params: ZIdParams,
        response: { 200: ZMediationQueues, ...errorResponses },
      },
    },
    async (request) => service.mediationQueues(db, actorOf(request), request.params.id),
  );
};
