import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import {
  ZCreateLocationRequest,
  ZCreateOrganisationRequest,
  ZListOrganisationsQuery,
  ZLocation,
  ZOrganisation,
  ZOrganisationDetail,
  ZUpdateLocationRequest,
  ZUpdateOrganisationRequest,
} from '../../shared/organisations.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { listOrganisations } from './organisations.repo.js';
import * as service from './organisations.service.js';

export const organisationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisations in your regions',
        querystring: ZListOrganisationsQuery,
        response: { 200: z.array(ZOrganisation), ...errorResponses },
      },
    },
    async (request) => listOrganisations(db, actorOf(request), request.query.regionId),
  );

  app.get(
    '/api/organisations/:id',
    { schema: { tags: ['organisations'], summary: 'An organisation with its locations', params: ZIdParams, response: { 200: ZOrganisationDetail, ...errorResponses } } },
    async (request) => service.getOrganisation(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/organisations',
    { schema: { tags: ['organisations'], summary: 'Add an organisation to a region (coordinator)', body: ZCreateOrganisationRequest, response: { 201: ZOrganisationDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createOrganisation(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename an organisation or change its sector',
        params: ZIdParams,
        body: ZUpdateOrganisationRequest,
        response: { 200: ZOrganisationDetail, ...errorResponses },
      },
    },
    async (request) => service.updateOrganisation(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/organisations/:id/locations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Add a location; coordinates come from the postcode when not given',
        params: ZIdParams,
        body: ZCreateLocationRequest,
        response: { 201: ZLocation, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addLocation(db, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/locations/:id',
    { schema: { tags: ['organisations'], summary: 'Change a location', params: ZIdParams, body: ZUpdateLocationRequest, response: { 200: ZLocation, ...errorResponses } } },
    async (request) => service.updateLocation(db, actorOf(request), request.params.id, request.body),
  );
};
