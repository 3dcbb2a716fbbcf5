/** How an expected outcome maps to HTTP; the global filter owns the mapping. */
export type DomainErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'gone' | 'too-large' | 'too-many' | 'unavailable';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `owner.creditCode` or `lines[12].trl`. */
  field?: string;
  message: string;
  /** The message in Chinese, when the detail has one: the filter answers in the caller's language. */
  zh?: string;
  /** Machine-readable reason, e.g. `isInt`, `creditCodeCheck`. */
  code?: string;
}

/**
 * An expected failure of a business rule. Each context defines its own codes
 * (e.g. `AchievementErrorCode.IllegalTransition`) and throws DomainError, never a plain Error,
 * so a missing object is a 404 and an illegal step a 409, not a 500.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details: ErrorDetail[] = [],
    /** Extra fields for the response, e.g. `{ currentState: 'draft' }` on an illegal transition. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'DomainError';
  }

  static notFound(what: LocalizedText & { code?: string }): DomainError {
    return new DomainError('not-found', what.code ?? 'NOT_FOUND', { zh: what.zh, en: what.en });
  }

  static validation(field: string, text: LocalizedText, code = 'INVALID'): DomainError {
    return new DomainError('validation', code, text, [{ field, message: text.en, code }]);
  }

  /** An illegal lifecycle step: 409 with the current state. */
  static illegalTransition(entity: string, currentState: string, action: string): DomainError {
    return new DomainError(
      'conflict',
      'ILLEGAL_TRANSITION',
      {
        zh: `当前状态「${currentState}」不允许执行「${action}」`,
        en: `Cannot ${action} ${entity} in state '${currentState}'`,
      },
      [],
      { currentState, action },
    );
  }
}

export const HTTP_STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-large': 413,
  /** With `retryAfterSeconds` in extra: the filter sends it as Retry-After. */
  'too-many': 429,
  unavailable: 503,
};
