/**
 * What crosses the renderer↔core boundary: JSON-only results, never thrown errors.
 * Electron drops custom error fields over `invoke`, so every transport carries the same shape.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CALL'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_READY'
  | 'RECOVERY_REQUIRED'
  | 'TOO_MANY_ATTEMPTS'
  | 'STORAGE'
  | 'INTERNAL';

export interface FieldIssue {
  path: string;
  message: string;
}

export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] };
export type Result<T> = Ok<T> | Err;

/** Thrown inside the core only; `dispatch` turns it into an `Err`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = (code: ErrorCode, message: string, issues?: FieldIssue[]): Err =>
  issues && issues.length ? { ok: false, code, message, issues } : { ok: false, code, message };
