/**
 * Typed errors with a stable id (`code`) and an HTTP status. Route handlers throw these;
 * the error middleware turns them into `{ error: { code, message, field? } }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, field?: string) {
    super('validation_failed', message, 400, field);
  }
}

export class AuthenticationError extends AppError {
  constructor(message = 'Not signed in') {
    super('unauthenticated', message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed', code = 'forbidden') {
    super(code, message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('not_found', `${what} not found`, 404);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 409);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string, field?: string) {
    super(code, message, 422, field);
  }
}
