import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TError } from '../../shared/common.schemas.js';
import { AppError, formatPath, type Issue } from './app-error.js';

const contextPrefix: Record<string, string> = { body: '', querystring: 'query', params: 'params', headers: 'headers' };

function validationIssues(error: FastifyError & { validationContext?: string }): Issue[] {
  const prefix = contextPrefix[error.validationContext ?? 'body'] ?? '';
  return (error.validation ?? []).map((v) => {
    const segments = v.instancePath.split('/').filter((s) => s !== '');
    const path = formatPath(prefix ? [prefix, ...segments] : segments);
    return { path: path || (prefix || 'body'), message: v.message ?? 'is invalid' };
  });
}

/** The one place where errors become HTTP responses: `{ code, message, issues }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status: number;
    let body: TError;
    if (error instanceof AppError) {
      status = error.status;
      body = { code: error.code, message: error.message, issues: error.issues };
    } else if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const issues = validationIssues(error);
      status = 400;
      body = { code: 'VALIDATION_FAILED', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
    } else if (error.statusCode === 429) {
      status = 429;
      body = { code: 'RATE_LIMITED', message: 'Too many attempts; try again later', issues: [] };
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      body = { code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message, issues: [] };
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      body = { code: 'PAYLOAD_TOO_LARGE', message: error.message, issues: [] };
    } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      status = error.statusCode;
      body = { code: 'BAD_REQUEST', message: error.message, issues: [{ path: 'body', message: error.message }] };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      status = 500;
      body = { code: 'INTERNAL', message: 'Something went wrong on our side', issues: [] };
    }
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: TError = { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`, issues: [] };
    return reply.status(404).send(body);
  });
}
