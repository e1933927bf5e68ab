import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorMessageKey, invalidFields, isSessionExpired } from '../../../renderer/lib/errors';

/** A TRPCClientError as the HTTP link builds it from a server error response. */
function serverError(message: string, code: string, extra: Record<string, unknown> = {}) {
  return TRPCClientError.from({ error: { message, code: -32001, data: { code, httpStatus: 400, zodError: null, ...extra } } });
}

describe('errorMessageKey', () => {
  it('uses the message key the server sent when the catalog knows it', () => {
    expect(errorMessageKey(serverError('errors.invalid_credentials', 'UNAUTHORIZED'))).toBe('errors.invalid_credentials');
    expect(errorMessageKey(serverError('errors.version_conflict', 'CONFLICT'))).toBe('errors.version_conflict');
  });

  it('falls back to the tRPC code, never to raw server text', () => {
    expect(errorMessageKey(serverError('Input validation failed: expected string', 'BAD_REQUEST'))).toBe('errors.validation');
    expect(errorMessageKey(serverError('TypeError: x is undefined\n    at foo (core.ts:1)', 'INTERNAL_SERVER_ERROR'))).toBe('errors.internal');
    expect(errorMessageKey(serverError('whatever', 'FORBIDDEN'))).toBe('errors.forbidden');
    expect(errorMessageKey(serverError('errors.not_a_known_key', 'NOT_FOUND'))).toBe('errors.not_found');
    expect(errorMessageKey(serverError('slow down', 'TOO_MANY_REQUESTS'))).toBe('errors.rate_limited');
    expect(errorMessageKey(serverError('odd', 'SOMETHING_NEW'))).toBe('errors.unknown');
  });

  it('reports a request that never got an answer as a network problem', () => {
    expect(errorMessageKey(TRPCClientError.from(new TypeError('Failed to fetch')))).toBe('errors.network');
  });

  it('copes with anything thrown', () => {
    expect(errorMessageKey(null)).toBe('errors.unknown');
    expect(errorMessageKey('boom')).toBe('errors.unknown');
    expect(errorMessageKey(new Error('boom'))).toBe('errors.unknown');
  });
});

describe('isSessionExpired', () => {
  it('is true for the guard’s UNAUTHORIZED, false for failed logins and other codes', () => {
    expect(isSessionExpired(serverError('errors.unauthorized', 'UNAUTHORIZED'))).toBe(true);
    expect(isSessionExpired(serverError('errors.invalid_credentials', 'UNAUTHORIZED'))).toBe(false);
    expect(isSessionExpired(serverError('errors.inactive', 'UNAUTHORIZED'))).toBe(false);
    expect(isSessionExpired(serverError('errors.forbidden', 'FORBIDDEN'))).toBe(false);
    expect(isSessionExpired(new Error('x'))).toBe(false);
  });
});

describe('invalidFields', () => {
  it('lists the fields zod refused', () => {
    const error = serverError('bad', 'BAD_REQUEST', { zodError: { formErrors: [], fieldErrors: { username: ['Too small'], password: [] } } });
    expect(invalidFields(error)).toEqual(['username']);
    expect(invalidFields(serverError('bad', 'BAD_REQUEST'))).toEqual([]);
  });
});
