export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'locked' | 'too_many';

/**
 * A failure the caller can act on. `code` is stable (`<module>.<what>`), the console
 * turns it into words; `params` fill the message. HTTP status is mapped once, in the server.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, params?: Record<string, unknown>, message?: string) =>
  new DomainError('invalid', code, params, message);
export const notFound = (code: string, params?: Record<string, unknown>) => new DomainError('not_found', code, params);
export const forbidden = (code = 'access.forbidden', params?: Record<string, unknown>) =>
  new DomainError('forbidden', code, params);
export const conflict = (code: string, params?: Record<string, unknown>) => new DomainError('conflict', code, params);
