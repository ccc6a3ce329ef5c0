import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAssignment,
  ZCreateSwapRequest,
  ZMyShift,
  ZMyShiftsQuery,
  ZOpenShiftForMe,
  ZOpenShiftsQuery,
  ZOptionalReason,
  ZReservistProgress,
  ZRuleViolation,
  ZSwap,
  ZSwapCandidate,
} from '../../shared/assignments.schemas.js';
import { ZIdParams } from '../../shared/common.schemas.js';
import { ZReasonRequest } from '../../shared/shifts.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import * as service from './assignments.service.js';
import { openShiftsForMe } from './open-shifts.service.js';

const tags = ['assignments'];

export const assignmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/me/open-shifts',
    {
      schema: {
        tags,
        summary: 'Open shifts for me: the ones I may take, sorted (preferred organisations, priority, soonest); with includeIneligible, the others too, each with why not',
        querystring: ZOpenShiftsQuery,
        response: { 200: z.array(ZOpenShiftForMe), ...errorResponses },
      },
    },
    async (request) => openShiftsForMe(db, actorOf(request), request.query),
  );

  app.get(
    '/api/shifts/:id/why-not',
    { schema: { tags, summary: 'Why I may not take this shift (empty: I may)', params: ZIdParams, response: { 200: z.array(ZRuleViolation), ...errorResponses } } },
    async (request) => service.whyNot(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/shifts/:id/claims',
    {
      schema: {
        tags,
        summary: 'Claim a shift: confirmed at once or waiting for the planner, per the organisation’s setting; 409 NOT_ELIGIBLE names the rules',
        params: ZIdParams,
        response: { 201: ZAssignment, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.claimShift(db, actorOf(request), request.params.id)),
  );

  app.get('/api/me/shifts', { schema: { tags, summary: 'My shifts', querystring: ZMyShiftsQuery, response: { 200: z.array(ZMyShift), ...errorResponses } } }, async (request) =>
    service.listMyShifts(db, actorOf(request), request.query),
  );

  app.get('/api/me/progress', { schema: { tags, summary: 'Days with a shift this year (reservists: against the minimum)', response: { 200: ZReservistProgress, ...errorResponses } } }, async (request) =>
    service.reservistProgress(db, actorOf(request)),
  );

  app.post('/api/assignments/:id/approve', { schema: { tags, summary: 'Confirm a waiting claim (planner); the rules are checked again', params: ZIdParams, response: { 200: ZAssignment, ...errorResponses } } }, async (request) =>
    service.approveClaim(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/assignments/:id/reject',
    { schema: { tags, summary: 'Reject a waiting claim with a reason (planner)', params: ZIdParams, body: ZReasonRequest, response: { 200: ZAssignment, ...errorResponses } } },
    async (request) => service.rejectClaim(db, actorOf(request), request.params.id, request.body.reason),
  );

  app.post('/api/assignments/:id/withdraw', { schema: { tags, summary: 'Withdraw my waiting claim', params: ZIdParams, response: { 200: ZAssignment, ...errorResponses } } }, async (request) =>
    service.withdrawClaim(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/assignments/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an assignment: the worker until the organisation’s cut-off, the planner always (with a reason)',
        params: ZIdParams,
        body: ZOptionalReason,
        response: { 200: ZAssignment, ...errorResponses },
      },
    },
    async (request) => service.cancelAssignment(db, actorOf(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/assignments/:id/swap-candidates',
    { schema: { tags, summary: 'Colleagues who may take over my shift', params: ZIdParams, response: { 200: z.array(ZSwapCandidate), ...errorResponses } } },
    async (request) => service.swapCandidates(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/assignments/:id/swaps',
    { schema: { tags, summary: 'Offer my confirmed shift to a colleague', params: ZIdParams, body: ZCreateSwapRequest, response: { 201: ZSwap, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.requestSwap(db, actorOf(request), request.params.id, request.body.toWorkerId, request.body.note)),
  );

  app.get('/api/me/swaps', { schema: { tags, summary: 'Swaps I offered or was offered', response: { 200: z.array(ZSwap), ...errorResponses } } }, async (request) =>
    service.listMySwaps(db, actorOf(request)),
  );

  app.post('/api/swaps/:id/accept', { schema: { tags, summary: 'Accept a swap offered to me', params: ZIdParams, response: { 200: ZSwap, ...errorResponses } } }, async (request) =>
    service.answerSwap(db, actorOf(request), request.params.id, true),
  );
  app.post('/api/swaps/:id/decline', { schema: { tags, summary: 'Decline a swap offered to me', params: ZIdParams, response: { 200: ZSwap, ...errorResponses } } }, async (request) =>
    service.answerSwap(db, actorOf(request), request.params.id, false),
  );
  app.post('/api/swaps/:id/withdraw', { schema: { tags, summary: 'Withdraw a swap I offered', params: ZIdParams, response: { 200: ZSwap, ...errorResponses } } }, async (request) =>
    service.withdrawSwap(db, actorOf(request), request.params.id),
  );
  app.post('/api/swaps/:id/approve', { schema: { tags, summary: 'Approve an accepted swap (planner)', params: ZIdParams, response: { 200: ZSwap, ...errorResponses } } }, async (request) =>
    service.decideSwap(db, actorOf(request), request.params.id, true, ''),
  );
  app.post(
    '/api/swaps/:id/reject',
    { schema: { tags, summary: 'Reject an accepted swap with a reason (planner)', params: ZIdParams, body: ZReasonRequest, response: { 200: ZSwap, ...errorResponses } } },
    async (request) => service.decideSwap(db, actorOf(request), request.params.id, false, request.body.reason),
  );
};
