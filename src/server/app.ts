// The app factory, apart from listen(): tests call buildApp() and app.inject().
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignmentRoutes } from './assignments/assignments.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authPlugin } from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { competenceRoutes } from './competences/competences.routes.js';
import type { Database } from './db/open-database.js';
import { registerErrorHandler } from './errors/error-handler.js';
import { healthRoutes, VERSION } from './health/health.routes.js';
import { journeyRoutes } from './journey/journey.routes.js';
import { mediationRoutes } from './mediation/mediation.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { organisationRoutes } from './organisations/organisations.routes.js';
import { packageRoutes } from './packages/packages.routes.js';
import { planningRoutes } from './planning/planning.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { shiftImportRoutes } from './shift-import/shift-import.routes.js';
import { shiftRoutes } from './shifts/shifts.routes.js';
import { swapApprovalRoutes } from './swap-approvals/swap-approvals.routes.js';
import { workerRoutes } from './workers/workers.routes.js';

export type AppOptions = {
  database: Database;
  logger?: boolean;
  /** Serve the built web app from this folder (default dist/web when it exists). */
  webRoot?: string | null;
  secureCookies?: boolean;
  loginRateLimit?: { max: number; timeWindowMs: number };
};

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const db = database.db;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Harmonica API', version: VERSION, description: 'Regional care staffing. Errors are always `{ code, message, issues: [{ path, message }] }`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'harmonica_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db });

  await app.register(healthRoutes, { database });
  const loginRateLimit = options.loginRateLimit ?? { max: 10, timeWindowMs: 15 * 60 * 1000 };
  await app.register(authRoutes, { db, secureCookies: options.secureCookies ?? false, loginRateLimit });
  await app.register(regionRoutes, { db });
  await app.register(organisationRoutes, { db });
  await app.register(packageRoutes, { db });
  await app.register(workerRoutes, { db });
  await app.register(competenceRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(shiftRoutes, { db });
  await app.register(shiftImportRoutes, { db });
  await app.register(notificationRoutes, { db });
  await app.register(calendarRoutes, { db });
  await app.register(assignmentRoutes, { db });
  await app.register(swapApprovalRoutes, { db });
  await app.register(planningRoutes, { database });
  await app.register(mediationRoutes, { db });
  await app.register(journeyRoutes, { db, registrationRateLimit: loginRateLimit });

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    // Client-side routes (/, /login, /workers/…) all load the single-page app.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path.startsWith('/api/') || path.includes('.')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: `No route GET ${path}`, issues: [] });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
