// Keeping one failing request or document from taking the server down: request and
// notification wrappers that answer LSP errors (RequestCancelled, InvalidParams, InternalError)
// instead of throwing, checks of the params a client sends, and the logger they report to.
// Imported by the services and the features alike; imports nothing of the server.

import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { CustomNotification, CustomRequest } from '../protocol.js';

export interface Logger {
  error(message: string, err?: unknown): void;
  info(message: string): void;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

/** A request's params that do not have the shape LSP prescribes. */
export class InvalidParams extends Error {}

export function cancelled(): ResponseError<undefined> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * Wraps a request handler: a cancelled request answers RequestCancelled, malformed params answer
 * InvalidParams, and any other failure is logged and answered with an InternalError, so the
 * server keeps serving.
 */
export function guard<P, R>(
  ctx: { log: Logger },
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
// eslint-disable-next-line @typescript-eslint/no-explicit-any
): (params: P, token: CancellationToken) => Promise<R | ResponseError<any>> {
  return async (params, token) => {
    try {
      if (token?.isCancellationRequested) return cancelled();
      const r = await handler(params, token);
      if (token?.isCancellationRequested) return cancelled();
      return r;
    } catch (err) {
      if (err instanceof ResponseError) return err;
      if (err instanceof InvalidParams) return new ResponseError(ErrorCodes.InvalidParams, `${name}: ${err.message}`);
      ctx.log.error(`${name} failed`, err);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/**
 * Answers one of protocol.ts's custom requests, guarded: the handler gets the params as they came
 * off the wire (to check) and must answer the result type the request declares.
 */
export function onCustom<P, R>(ctx: { connection: Connection; log: Logger }, request: CustomRequest<P, R>, handler: (params: unknown, token: CancellationToken) => R | Promise<R>): void {
  ctx.connection.onRequest(request.method, guard(ctx, request.method, handler));
}

/** Wraps a notification handler: failures are logged, never thrown. */
export function guardNotification<P>(ctx: { log: Logger }, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const r = handler(params);
      if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((err) => ctx.log.error(`${name} failed`, err));
    } catch (err) {
      ctx.log.error(`${name} failed`, err);
    }
  };
}

// ---- param checks ---------------------------------------------------------------------------------

export function requireUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new InvalidParams('textDocument.uri is missing');
  return uri;
}

export function requirePosition(params: unknown): { line: number; character: number } {
  const p = (params as { position?: { line?: unknown; character?: unknown } } | null)?.position;
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) throw new InvalidParams('position is missing or malformed');
  return { line: p.line as number, character: p.character as number };
}

export function requireRange(params: unknown): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = (params as { range?: { start?: unknown; end?: unknown } } | null)?.range;
  const ok = (p: unknown) => !!p && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  if (!r || !ok(r.start) || !ok(r.end)) throw new InvalidParams('range is missing or malformed');
  return r as { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Sends one of protocol.ts's custom notifications; a failure is logged, never thrown. */
export function sendNotice<P>(ctx: { connection: Connection; log: Logger }, notice: CustomNotification<P>, ...params: P extends void ? [] : [P]): void {
  ctx.connection.sendNotification(notice.method, ...(params as unknown[])).catch((err) => ctx.log.error(`${notice.method} failed`, err));
}
