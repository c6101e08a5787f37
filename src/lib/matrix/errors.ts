// What can go wrong when signing in or up, as translation keys under "auth.errors".

export type AuthErrorCode =
  | 'serverMissing'
  | 'serverInvalid'
  | 'serverUnreachable'
  | 'notMatrixServer'
  | 'wrongPassword'
  | 'userTaken'
  | 'usernameInvalid'
  | 'passwordWeak'
  | 'registrationClosed'
  | 'registrationNeedsMore'
  | 'rateLimited'
  | 'unknown';

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  readonly detail?: string;
  constructor(code: AuthErrorCode, detail?: string) {
    super(code);
    this.name = 'AuthError';
    this.code = code;
    this.detail = detail;
  }
}

export function authErrorKey(code: AuthErrorCode): string {
  return `auth.errors.${code}`;
}

interface MatrixLikeError {
  errcode?: string;
  httpStatus?: number;
  name?: string;
  message?: string;
}

/** Maps an error thrown by a login or register request to what the person is told. */
export function classifyAuthError(error: unknown, during: 'signIn' | 'signUp'): AuthError {
  if (error instanceof AuthError) return error;
  const e = (error ?? {}) as MatrixLikeError;
  switch (e.errcode) {
    case 'M_FORBIDDEN':
      return new AuthError(during === 'signIn' ? 'wrongPassword' : 'registrationClosed');
    case 'M_USER_DEACTIVATED':
      return new AuthError('wrongPassword');
    case 'M_USER_IN_USE':
      return new AuthError('userTaken');
    case 'M_INVALID_USERNAME':
    case 'M_EXCLUSIVE':
      return new AuthError('usernameInvalid');
    case 'M_WEAK_PASSWORD':
    case 'M_PASSWORD_TOO_SHORT':
    case 'M_PASSWORD_NO_DIGIT':
    case 'M_PASSWORD_NO_UPPERCASE':
    case 'M_PASSWORD_NO_LOWERCASE':
    case 'M_PASSWORD_NO_SYMBOL':
    case 'M_PASSWORD_IN_DICTIONARY':
      return new AuthError('passwordWeak');
    case 'M_LIMIT_EXCEEDED':
      return new AuthError('rateLimited');
  }
  if (e.name === 'ConnectionError' || error instanceof TypeError) return new AuthError('serverUnreachable');
  if (e.httpStatus === 404 || e.httpStatus === 405) return new AuthError('notMatrixServer');
  return new AuthError('unknown', e.message);
}
