// Services throw AppError with a stable code; exactly one Fastify error handler (error-handler.ts)
// maps the code to an HTTP status. Codes are grouped by domain and kept short.
export const errorStatus = {
  // generic
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // auth
  INVALID_CREDENTIALS: 401,
  // regions, organisations, workers
  UNKNOWN_POSTCODE: 400,
  EMAIL_TAKEN: 409,
  // shifts and assignments
  NOT_ELIGIBLE: 409,
  SHIFT_CLOSED: 409,
  CUTOFF_PASSED: 409,
  // shift import: the file was read, but rows have errors (nothing imported)
  IMPORT_INVALID: 422,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type Issue = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];

  constructor(code: ErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string, id?: string) =>
  new AppError('NOT_FOUND', id ? `${what} ${id} does not exist or is not visible to you` : `${what} not found`);

export const forbidden = (message = 'You may not do this') => new AppError('FORBIDDEN', message);

/** Path segments to `shifts[3].end`. */
export function formatPath(segments: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(String(segment))) out += `[${String(segment)}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
