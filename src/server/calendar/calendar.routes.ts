import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCalendarFeed, ZCalendarFeedStatus } from '../../shared/notifications.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import { readConfig } from '../config.js';
import type { Db } from '../db/open-database.js';
import { notFound } from '../errors/app-error.js';
import { errorResponses } from '../http/responses.js';
import { createFeed, feedStatus, renderFeed, revokeFeed } from './calendar.service.js';

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl?: string }> = async (app, { db, publicUrl = readConfig().publicUrl }) => {
  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Whether I have a working calendar URL, since when, and when a calendar app last fetched it (the URL itself is shown only once, when it is made)',
        response: { 200: ZCalendarFeedStatus, ...errorResponses },
      },
    },
    async (request) => feedStatus(db, actorOf(request)),
  );

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'A new secret iCalendar URL with my confirmed shifts (the previous URL stops working)',
        response: { 201: ZCalendarFeed, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createFeed(db, actorOf(request), publicUrl)),
  );

  app.delete(
    '/api/me/calendar-feed',
    { schema: { tags: ['calendar'], summary: 'Stop my calendar URL from working', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await revokeFeed(db, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The iCalendar feed (RFC 5545) behind a secret token: /calendar/<token>.ics, no session needed',
        params: z.object({ file: z.string().max(200) }),
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const match = /^([A-Za-z0-9_-]{16,100})\.ics$/.exec(request.params.file);
      if (!match) throw notFound('Calendar feed');
      const body = await renderFeed(db, match[1]!);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline; filename="harmonica.ics"')
        .send(body);
    },
  );
};
