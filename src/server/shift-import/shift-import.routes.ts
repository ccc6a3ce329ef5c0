import { asc, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import { ZError } from '../../shared/common.schemas.js';
import { ZShiftImportReport, ZShiftImportRequest } from '../../shared/shift-import.schemas.js';
import { actorOf } from '../auth/auth.plugin.js';
import { plannerOrganisationIds, type Actor } from '../auth/actor.js';
import type { Db } from '../db/open-database.js';
import { locations } from '../db/schema.js';
import { errorResponses } from '../http/responses.js';
import { importShifts } from './shift-import.service.js';
import { templateCsv, templateXlsx } from './template.js';

/** One of the planner's own locations, so the template imports as it is. */
async function exampleLocationName(db: Db, actor: Actor) {
  const organisationIds = plannerOrganisationIds(actor);
  if (organisationIds.length === 0) return 'De Linde';
  const [row] = await db.select({ name: locations.name }).from(locations).where(inArray(locations.organisationId, organisationIds)).orderBy(asc(locations.name)).limit(1);
  return row?.name ?? 'De Linde';
}

export const shiftImportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/shift-imports',
    {
      schema: {
        tags: ['shifts'],
        summary: 'Import shifts from a roster export (CSV or XLSX, base64): every row validated; all or nothing, or only the valid rows; dryRun validates only',
        body: ZShiftImportRequest,
        response: { 200: ZShiftImportReport, ...errorResponses, 413: ZError, 422: ZError },
      },
    },
    async (request) => importShifts(db, actorOf(request), request.body),
  );

  const formats = {
    csv: { type: 'text/csv; charset=utf-8', render: (locale: 'en' | 'nl', name: string, day: DateTime) => `\uFEFF${templateCsv(locale, name, day)}` },
    xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: templateXlsx },
  } as const;
  for (const [format, { type, render }] of Object.entries(formats)) {
    app.get(
      `/api/shift-imports/template.${format}`,
      { schema: { tags: ['shifts'], summary: `An example ${format.toUpperCase()} file with the import's headers in your language`, produces: [type] } },
      async (request, reply) => {
        const actor = actorOf(request);
        const day = DateTime.now().setZone('Europe/Amsterdam').startOf('week').plus({ weeks: 2 });
        const body = await render(actor.locale, await exampleLocationName(db, actor), day);
        const name = actor.locale === 'nl' ? 'diensten-import' : 'shift-import';
        return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(body);
      },
    );
  }
};
