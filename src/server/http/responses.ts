import { ZError } from '../../shared/common.schemas.js';

/** Error responses every route documents in OpenAPI; the body is always the one error shape. */
export const errorResponses = {
  400: ZError,
  401: ZError,
  403: ZError,
  404: ZError,
  409: ZError,
} as const;
