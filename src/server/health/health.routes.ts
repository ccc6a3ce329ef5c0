import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealth, type THealth } from '../../shared/health.schemas.js';
import { ZPostcodeLookup, ZPostcodeParams } from '../../shared/audit.schemas.js';
import type { Database } from '../db/open-database.js';
import { notFound } from '../errors/app-error.js';
import { GEONAMES_ATTRIBUTION, lookupPostcode } from '../geo/postcodes.js';
import { errorResponses } from '../http/responses.js';

export const VERSION = '0.1.0';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get('/health', { schema: { tags: ['health'], summary: 'Database and job-queue status', response: { 200: ZHealth, 503: ZHealth } } }, async (_request, reply) => {
    const started = performance.now();
    let dbStatus: 'ok' | 'error' = 'ok';
    try {
      await database.ping();
    } catch {
      dbStatus = 'error';
    }
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    let queueStatus: 'ok' | 'error' | 'stopped' = 'stopped';
    if (database.boss) {
      try {
        await database.boss.getQueues();
        queueStatus = 'ok';
      } catch {
        queueStatus = 'error';
      }
    }
    const body: THealth = {
      status: dbStatus === 'ok' && queueStatus === 'ok' ? 'ok' : 'degraded',
      database: { status: dbStatus, kind: database.kind, latencyMs },
      queue: { status: queueStatus },
      version: VERSION,
    };
    return reply.status(body.status === 'ok' ? 200 : 503).send(body);
  });

  app.get(
    '/api/postcodes/:country/:postcode',
    { schema: { tags: ['geo'], summary: 'Coordinates of a postcode (GeoNames, CC BY 4.0)', params: ZPostcodeParams, response: { 200: ZPostcodeLookup, ...errorResponses } } },
    async (request) => {
      const point = lookupPostcode(request.params.postcode, request.params.country);
      if (!point) throw notFound('Postcode', request.params.postcode);
      return { country: point.country, postcode: point.postcode, lat: point.lat, lon: point.lon, place: point.place, attribution: GEONAMES_ATTRIBUTION };
    },
  );
};
