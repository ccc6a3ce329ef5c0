import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCreateUserRequest, ZLoginRequest, ZMe, ZUpdateMeRequest, ZUser } from '../../shared/auth.schemas.js';
import type { Db } from '../db/open-database.js';
import { errorResponses } from '../http/responses.js';
import { requireAdmin } from './actor.js';
import { actorOf, SESSION_COOKIE } from './auth.plugin.js';
import * as service from './auth.service.js';
import { listUsers } from './auth.repo.js';
import { findActor } from './auth.service.js';

export type AuthRoutesOptions = { db: Db; secureCookies: boolean; loginRateLimit: { max: number; timeWindowMs: number } };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { db, secureCookies, loginRateLimit }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body: ZLoginRequest, response: { 200: ZMe, ...errorResponses } },
      config: {
        rateLimit: {
          hook: 'preHandler',
          max: loginRateLimit.max,
          timeWindow: loginRateLimit.timeWindowMs,
          // Per address and per account, so one attacker cannot lock out everyone and cannot spray one account.
          keyGenerator: (request) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await service.logIn(db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', expires: expiresAt });
      const actor = await findActor(db, token);
      return service.toMe(actor!);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await service.logOut(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: ZMe, ...errorResponses } } }, async (request) =>
    service.toMe(actorOf(request)),
  );

  app.patch(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Change your interface language', body: ZUpdateMeRequest, response: { 200: ZMe, ...errorResponses } } },
    async (request) => service.setLocale(db, actorOf(request), request.body.locale),
  );

  app.get('/api/users', { schema: { tags: ['users'], summary: 'All accounts (admin)', response: { 200: z.array(ZUser), ...errorResponses } } }, async (request) => {
    requireAdmin(actorOf(request));
    return listUsers(db);
  });

  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Create an account with roles (admin)', body: ZCreateUserRequest, response: { 201: ZUser, ...errorResponses } } },
    async (request, reply) => {
      requireAdmin(actorOf(request));
      const user = await service.createUser(db, request.body);
      const created = (await listUsers(db)).find((u) => u.id === user.id)!;
      return reply.status(201).send(created);
    },
  );
};
