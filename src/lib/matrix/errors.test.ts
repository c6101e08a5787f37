import { describe, expect, it } from 'vitest';
import { AuthError, authErrorKey, classifyAuthError, type AuthErrorCode } from './errors.ts';

function matrixError(errcode: string, httpStatus = 400): Error & { errcode: string; httpStatus: number } {
  return Object.assign(new Error(`${errcode}: refused`), { name: 'MatrixError', errcode, httpStatus });
}

function codeOf(error: unknown, during: 'signIn' | 'signUp' = 'signIn'): AuthErrorCode {
  const result = classifyAuthError(error, during);
  expect(result).toBeInstanceOf(AuthError);
  return result.code;
}

describe('AuthError', () => {
  it('carries its code, detail, name and message', () => {
    const error = new AuthError('userTaken', 'detail');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('userTaken');
    expect(error.detail).toBe('detail');
    expect(error.name).toBe('AuthError');
    expect(error.message).toBe('userTaken');
  });

  it('maps codes to translation keys under auth.errors', () => {
    expect(authErrorKey('wrongPassword')).toBe('auth.errors.wrongPassword');
    expect(authErrorKey('unknown')).toBe('auth.errors.unknown');
  });
});

describe('classifyAuthError', () => {
  it('maps M_FORBIDDEN to wrongPassword when signing in', () => {
    expect(codeOf(matrixError('M_FORBIDDEN', 403), 'signIn')).toBe('wrongPassword');
  });

  it('maps M_FORBIDDEN to registrationClosed when signing up', () => {
    expect(codeOf(matrixError('M_FORBIDDEN', 403), 'signUp')).toBe('registrationClosed');
  });

  it('maps a deactivated user to wrongPassword, so it does not reveal the account state', () => {
    expect(codeOf(matrixError('M_USER_DEACTIVATED', 403))).toBe('wrongPassword');
  });

  it.each<[string, AuthErrorCode]>([
    ['M_USER_IN_USE', 'userTaken'],
    ['M_INVALID_USERNAME', 'usernameInvalid'],
    ['M_EXCLUSIVE', 'usernameInvalid'],
    ['M_WEAK_PASSWORD', 'passwordWeak'],
    ['M_PASSWORD_TOO_SHORT', 'passwordWeak'],
    ['M_PASSWORD_NO_DIGIT', 'passwordWeak'],
    ['M_PASSWORD_NO_UPPERCASE', 'passwordWeak'],
    ['M_PASSWORD_NO_LOWERCASE', 'passwordWeak'],
    ['M_PASSWORD_NO_SYMBOL', 'passwordWeak'],
    ['M_PASSWORD_IN_DICTIONARY', 'passwordWeak'],
    ['M_LIMIT_EXCEEDED', 'rateLimited']
  ])('maps %s to %s in both flows', (errcode, expected) => {
    expect(codeOf(matrixError(errcode), 'signIn')).toBe(expected);
    expect(codeOf(matrixError(errcode), 'signUp')).toBe(expected);
  });

  it('maps ConnectionError to serverUnreachable', () => {
    const error = Object.assign(new Error('fetch failed'), { name: 'ConnectionError' });
    expect(codeOf(error)).toBe('serverUnreachable');
    expect(codeOf({ name: 'ConnectionError' })).toBe('serverUnreachable');
  });

  it('maps a TypeError (failed fetch) to serverUnreachable', () => {
    expect(codeOf(new TypeError('Failed to fetch'))).toBe('serverUnreachable');
  });

  it.each([404, 405])('maps HTTP %i without errcode to notMatrixServer', (httpStatus) => {
    expect(codeOf({ httpStatus, message: 'Not Found' })).toBe('notMatrixServer');
  });

  it('lets the errcode win over the HTTP status', () => {
    expect(codeOf(matrixError('M_USER_IN_USE', 404))).toBe('userTaken');
  });

  it('maps unknown errors to unknown, keeping the message as detail', () => {
    const result = classifyAuthError(matrixError('M_UNRECOGNIZED', 400), 'signIn');
    expect(result.code).toBe('unknown');
    expect(result.detail).toBe('M_UNRECOGNIZED: refused');
    expect(codeOf({ httpStatus: 500 })).toBe('unknown');
    expect(codeOf(new Error('boom'))).toBe('unknown');
    expect(codeOf(new RangeError('bad'))).toBe('unknown');
  });

  it.each([null, undefined, 'a string', 42, {}, []])('maps the non-error %j to unknown without throwing', (value) => {
    expect(codeOf(value)).toBe('unknown');
  });

  it('passes AuthErrors through unchanged', () => {
    const original = new AuthError('serverInvalid');
    expect(classifyAuthError(original, 'signUp')).toBe(original);
  });
});
