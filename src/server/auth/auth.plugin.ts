// Reads the session cookie into request.actor and guards every state-changing request:
// JSON only (a cross-site form cannot send it) and, with a session, the CSRF token header.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { requireActor } from './actor.js';
import { findActor } from './auth.service.js';
import type { Db } from '../db/open-database.js';

export const SESSION_COOKIE = 'harmonica_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or a 401 error. */
export const actorOf = (request: FastifyRequest): Actor => requireActor(request.actor);

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await findActor(opts.db, token) : null;
    if (SAFE_METHODS.has(request.method)) return;
    const type = request.headers['content-type'];
    if (type !== undefined && !type.startsWith('application/json') && !type.startsWith('multipart/form-data')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json)');
    }
    if (request.actor && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header; reload the page');
    }
  });
});
