import { isErrorMessageKey, type ErrorMessageKey } from '../../shared/i18n';

/** The parts of a TRPCClientError (or anything thrown) this mapping reads. */
interface ErrorLike {
  message?: unknown;
  data?: { code?: unknown; httpStatus?: unknown; zodError?: unknown } | null;
  cause?: unknown;
  name?: unknown;
}

const BY_CODE: Record<string, ErrorMessageKey> = {
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.not_found',
  CONFLICT: 'errors.conflict',
  TOO_MANY_REQUESTS: 'errors.rate_limited',
  TIMEOUT: 'errors.timeout',
  BAD_REQUEST: 'errors.validation',
  PARSE_ERROR: 'errors.validation',
  UNPROCESSABLE_CONTENT: 'errors.validation',
  PAYLOAD_TOO_LARGE: 'errors.validation',
  INTERNAL_SERVER_ERROR: 'errors.internal',
  NOT_IMPLEMENTED: 'errors.internal',
  BAD_GATEWAY: 'errors.network',
  SERVICE_UNAVAILABLE: 'errors.network',
  GATEWAY_TIMEOUT: 'errors.timeout',
};

function asErrorLike(error: unknown): ErrorLike | null {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : null;
}

/** The tRPC error code (`UNAUTHORIZED`, …) carried by an error, if any. */
export function errorCode(error: unknown): string | null {
  const code = asErrorLike(error)?.data?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * The catalog key for any error the UI may show: the server's message key when it sent one we
 * know (`errors.invalid_credentials`), else one chosen by tRPC code, else "network" for a
 * request that never got an answer. Never the raw server text: it may be English, or a stack.
 */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  const e = asErrorLike(error);
  if (!e) return 'errors.unknown';
  if (isErrorMessageKey(e.message)) return e.message;
  const code = errorCode(error);
  if (code) return BY_CODE[code] ?? 'errors.unknown';
  // No tRPC payload: fetch failed, the socket closed, or the answer was not tRPC at all.
  const cause = asErrorLike(e.cause);
  const name = typeof e.name === 'string' ? e.name : '';
  const causeName = typeof cause?.name === 'string' ? cause.name : '';
  if (name === 'TRPCClientError' || causeName === 'TypeError' || name === 'TypeError') return 'errors.network';
  return 'errors.unknown';
}

/**
 * The session is gone (expired, revoked, server restarted with a new store): the server's guard
 * answers UNAUTHORIZED with `errors.unauthorized`.
 */
export function isSessionExpired(error: unknown): boolean {
  if (errorCode(error) !== 'UNAUTHORIZED') return false;
  const message = asErrorLike(error)?.message;
  // Login failures (`errors.invalid_credentials`, `errors.inactive`) are UNAUTHORIZED too.
  return message === 'errors.unauthorized' || !isErrorMessageKey(message);
}

/** Field names that failed server-side validation (zod's flattened `fieldErrors`). */
export function invalidFields(error: unknown): string[] {
  const zodError = asErrorLike(error)?.data?.zodError;
  if (typeof zodError !== 'object' || zodError === null) return [];
  const fieldErrors = (zodError as { fieldErrors?: unknown }).fieldErrors;
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return [];
  return Object.entries(fieldErrors as Record<string, unknown>)
    .filter(([, messages]) => Array.isArray(messages) && messages.length > 0)
    .map(([field]) => field);
}
