import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../shared/common.schemas.js';
import {
  ZListNotificationsQuery,
  ZMailboxEntry,
  ZMailboxQuery,
  ZNotificationList,
  ZNotificationPreferences,
  ZUpdateNotificationPreferences,
} from '../../shared/notifications.schemas.js';
import { requireAdmin } from '../auth/actor.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/open-database.js';
import { notFound } from '../errors/app-error.js';
import { errorResponses } from '../http/responses.js';
import { sendDigests } from './digest.js';
import * as repo from './notifications.repo.js';
import { getPreferences, updatePreferences } from './preferences.js';

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the number still unread',
        querystring: ZListNotificationsQuery,
        response: { 200: ZNotificationList, ...errorResponses },
      },
    },
    async (request) => repo.listNotifications(db, actorOf(request).userId, request.query),
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: 'Mark one of my notifications read', params: ZIdParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      if (!(await repo.markRead(db, actorOf(request).userId, request.params.id))) throw notFound('Notification', request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: z.object({ updated: z.int() }), ...errorResponses } } },
    async (request) => ({ updated: await repo.markAllRead(db, actorOf(request).userId) }),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How I get each kind of notification: email, in_app, digest or off',
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (request) => getPreferences(db, actorOf(request).userId),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose the channel per notification type; types not listed keep theirs',
        body: ZUpdateNotificationPreferences,
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (request) => updatePreferences(db, actorOf(request).userId, request.body),
  );

  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The email outbox with delivery status (administrators): what was sent, is waiting or failed',
        querystring: ZMailboxQuery,
        response: { 200: z.array(ZMailboxEntry), ...errorResponses },
      },
    },
    async (request) => {
      requireAdmin(actorOf(request));
      return repo.listMailbox(db, request.query);
    },
  );

  app.post(
    '/api/dev/digest',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Bundle the waiting digest items into mails now instead of at 07:00 (administrators)',
        response: { 200: z.object({ mails: z.int() }), ...errorResponses },
      },
    },
    async (request) => {
      requireAdmin(actorOf(request));
      return sendDigests(db);
    },
  );
};
