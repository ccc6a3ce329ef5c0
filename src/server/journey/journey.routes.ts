import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../shared/common.schemas.js';
import {
  ZBigChecklist,
  ZBookOrientation,
  ZCancelOrientation,
  ZCloseJourney,
  ZFunnel,
  ZFunnelCsvQuery,
  ZFunnelQuery,
  ZJourney,
  ZJourneysQuery,
  ZJourneySummary,
  ZLearningPlan,
  ZMarkIndependent,
  ZPackageIndependence,
  ZOrientationBooking,
  ZRecordStep,
  ZRegistration,
  ZRegistrationOptions,
  ZRegistrationResult,
  ZSetJourneyOwner,
  ZUpdateBigChecklist,
} from '../../shared/journey.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { getBigChecklist, updateBigChecklist } from './big-checklist.js';
import { funnelCsv } from './funnel-csv.js';
import { computeFunnel, regionForFunnel } from './funnel.js';
import { listIndependence, markIndependent } from './independence.js';
import * as service from './journey.service.js';

const tags = ['journey'];

export type JourneyRoutesOptions = { db: Db; registrationRateLimit: { max: number; timeWindowMs: number } };

export const journeyRoutes: FastifyPluginAsyncZod<JourneyRoutesOptions> = async (app, { db, registrationRateLimit }) => {
  app.get(
    '/api/registration/options',
    { schema: { tags, summary: 'Regions with their organisations and activity packages for the public registration form, and the consent version', response: { 200: ZRegistrationOptions } } },
    async () => service.registrationOptions(db),
  );

  app.post(
    '/api/registrations',
    {
      schema: {
        tags,
        summary: 'Self-service registration (anyone): a login, a worker in intake and the intake journey; explicit consent required',
        body: ZRegistration,
        response: { 201: ZRegistrationResult, ...errorResponses },
      },
      // Per address and counted before validation, like the login: one client cannot create accounts in bulk.
      config: { rateLimit: { hook: 'onRequest', max: registrationRateLimit.max, timeWindow: registrationRateLimit.timeWindowMs, keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => reply.status(201).send(await service.register(db, request.body)),
  );

  app.get(
    '/api/journeys',
    {
      schema: {
        tags,
        summary: 'Intake journeys: of my regions (mediators, coordinators) or of people matched to my organisations (planners)',
        querystring: ZJourneysQuery,
        response: { 200: z.array(ZJourneySummary), ...errorResponses },
      },
    },
    async (request) => service.listJourneys(db, actorOf(request), request.query),
  );

  app.get(
    '/api/me/journey',
    { schema: { tags, summary: 'My own intake journey', response: { 200: ZJourney, ...errorResponses } } },
    async (request) => service.getMyJourney(db, actorOf(request)),
  );

  app.get(
    '/api/journeys/:id',
    { schema: { tags, summary: 'One journey with its dated steps; contact details for mediators (audited) and the person', params: ZIdParams, response: { 200: ZJourney, ...errorResponses } } },
    async (request) => service.getJourney(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/journeys/:id/owner',
    { schema: { tags, summary: 'Set the journey’s owner: a mediator or coordinator of the region', params: ZIdParams, body: ZSetJourneyOwner, response: { 200: ZJourney, ...errorResponses } } },
    async (request) => service.setOwner(db, actorOf(request), request.params.id, request.body.ownerUserId),
  );

  app.post(
    '/api/journeys/:id/steps',
    {
      schema: {
        tags,
        summary: 'Record the step the journey waits for (mediators; onboarding also the organisation’s planner)',
        params: ZIdParams,
        body: ZRecordStep,
        response: { 200: ZJourney, ...errorResponses },
      },
    },
    async (request) => service.recordStep(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/journeys/:id/orientation',
    {
      schema: {
        tags,
        summary: 'Book a shadow day at a location: a one-place shift with the person’s confirmed assignment (never overlapping their other shifts)',
        params: ZIdParams,
        body: ZBookOrientation,
        response: { 201: ZOrientationBooking, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.bookOrientation(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/journeys/:id/orientation/:shiftId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a booked shadow day that has not begun (mediators, coordinators): its shift and the person’s assignment, with the reason the person is told; rebook with POST …/orientation',
        params: z.object({ id: ZId, shiftId: ZId }),
        body: ZCancelOrientation,
        response: { 200: ZJourney, ...errorResponses },
      },
    },
    async (request) => service.cancelOrientation(db, actorOf(request), request.params.id, request.params.shiftId, request.body.reason),
  );

  app.put(
    '/api/journeys/:id/learning-plan',
    { schema: { tags, summary: 'Write my learning plan: goals and support wishes (the person)', params: ZIdParams, body: ZLearningPlan, response: { 200: ZJourney, ...errorResponses } } },
    async (request) => service.writeLearningPlan(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/journeys/:id/close',
    { schema: { tags, summary: 'Close the journey: the person stopped (mediators)', params: ZIdParams, body: ZCloseJourney, response: { 200: ZJourney, ...errorResponses } } },
    async (request) => service.closeJourney(db, actorOf(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/workers/:id/package-independence',
    { schema: { tags, summary: 'Packages in which a newcomer works independently (no longer counted against supervision capacity)', params: ZIdParams, response: { 200: z.array(ZPackageIndependence), ...errorResponses } } },
    async (request) => listIndependence(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/workers/:id/package-independence',
    {
      schema: {
        tags,
        summary: 'Mark a newcomer independent for a package (a planner of an organisation the person works at)',
        params: ZIdParams,
        body: ZMarkIndependent,
        response: { 201: ZPackageIndependence, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await markIndependent(db, actorOf(request), request.params.id, request.body.packageId)),
  );

  app.get(
    '/api/regions/:id/funnel',
    {
      schema: {
        tags,
        summary: 'Funnel figures for the people who registered in a period (region, optionally one organisation): counts and median hours between the steps',
        params: ZIdParams,
        querystring: ZFunnelQuery,
        response: { 200: ZFunnel, ...errorResponses },
      },
    },
    async (request) => computeFunnel(db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/regions/:id/funnel.csv',
    {
      schema: {
        tags,
        summary: 'The funnel figures as CSV for Excel (UTF-8 with BOM; nl: semicolons and decimal commas, en: commas); format in docs/mediation.md',
        params: ZIdParams,
        querystring: ZFunnelCsvQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { locale, ...query } = request.query;
      const funnel = await computeFunnel(db, actor, request.params.id, query);
      const { region, organisationName } = await regionForFunnel(db, actor, request.params.id, query.organisationId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="funnel-${region.code}-${query.from}-${query.to}.csv"`)
        .send(funnelCsv(funnel, { region: region.name, organisation: organisationName }, locale ?? actor.locale));
    },
  );

  app.get(
    '/api/workers/:id/big-checklist',
    {
      schema: {
        tags,
        summary: 'BIG re-registration checklist per registration: hours in 5 years (Harmonica and declared) against 2,080, training, expiry (the person, the region’s mediators)',
        params: ZIdParams,
        response: { 200: ZBigChecklist, ...errorResponses },
      },
    },
    async (request) => getBigChecklist(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/workers/:id/big-checklist/:credentialId',
    {
      schema: {
        tags,
        summary: 'Record hours worked elsewhere, training done and an accreditation note for one BIG registration',
        params: z.object({ id: ZId, credentialId: ZId }),
        body: ZUpdateBigChecklist,
        response: { 200: ZBigChecklist, ...errorResponses },
      },
    },
    async (request) => updateBigChecklist(db, actorOf(request), request.params.id, request.params.credentialId, request.body),
  );
};
