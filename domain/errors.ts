/**
 * The small error vocabulary of the platform. Domain code throws these; one API middleware maps them
 * to HTTP. Messages are Chinese (users read them); codes are stable and machine-readable.
 */

/** One problem with one input field. */
export interface FieldProblem {
  /** Where the value came from and its path, e.g. `body.password`, `query.page`. */
  field: string;
  /** A machine-readable reason, e.g. `required`, `minLength`, `format`. */
  reason: string;
  /** The reason in Chinese. */
  message: string;
  [extra: string]: unknown;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
  /** The first named field, if the error is about one. */
  get field(): string | undefined {
    return this.details[0]?.field;
  }
}

/** 400: the request cannot be read (bad JSON, wrong type, missing field). */
export class InputError extends AppError {
  readonly status = 400;
  static field(field: string, reason: string, message: string): InputError {
    return new InputError('INVALID_INPUT', message, [{ field, reason, message }]);
  }
}

/** 422: the request is well formed but breaks a rule (a duplicate name, an unknown region…). */
export class RuleError extends AppError {
  readonly status = 422;
  static field(field: string, reason: string, message: string, code = 'RULE_VIOLATED'): RuleError {
    return new RuleError(code, message, [{ field, reason, message }]);
  }
}

/** 401: not signed in, or the session is gone. */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
}

/** 403: signed in but not allowed. */
export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = '没有权限执行此操作', code = 'FORBIDDEN', details: FieldProblem[] = []) {
    super(code, message, details);
  }
}

/** 404: does not exist, or lies outside the user's region (a read never tells which). */
export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(message = '记录不存在或无权查看', code = 'NOT_FOUND') {
    super(code, message);
  }
}

/** 409: the state changed under the request (a race, a stale version, a key in use). */
export class ConflictError extends AppError {
  readonly status = 409;
}

/** 413: too large. */
export class TooLargeError extends AppError {
  readonly status = 413;
}

/** 423: the account is locked. */
export class LockedError extends AppError {
  readonly status = 423;
}

/** 429: too many requests. */
export class RateLimitError extends AppError {
  readonly status = 429;
}

/** 503: a dependency is down. */
export class UnavailableError extends AppError {
  readonly status = 503;
}
