// Errors the app shows to people. Anything else is logged and answered with a generic message,
// so no stack trace or internal detail ever reaches a page.

export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The row does not exist, or the viewer may not see it: both answer 404 so ids reveal nothing. */
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, "not_found", 404);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Please log in") {
    super(message, "unauthenticated", 401);
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, "validation", 422);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, readonly field?: string) {
    super(message, "conflict", 409);
  }
}

export class RateLimitError extends AppError {
  constructor(message: string) {
    super(message, "rate_limited", 429);
  }
}

export function errorBody(error: AppError) {
  return { error: { message: error.message, code: error.code, status: error.status } };
}
