// Types for lsp-client.mjs (used from TypeScript by test/server-abuse.test.ts).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export interface RpcResponse {
  jsonrpc: '2.0';
  id: number | string;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

export declare class LspClient {
  constructor(command: string, args: string[], opts?: { settings?: object; env?: NodeJS.ProcessEnv });
  readonly proc: ChildProcessWithoutNullStreams;
  readonly pid: number;
  settings: object;
  stderr: string;
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
  exitPromise: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  listeners: Set<(msg: any) => void>;
  serverRequests: string[];
  send(obj: object): void;
  writeRaw(bytes: Buffer): void;
  request(method: string, params: unknown): Promise<RpcResponse>;
  requestWithId(id: number | string, method: string, params: unknown): Promise<RpcResponse>;
  notify(method: string, params: unknown): void;
  waitFor(pred: (msg: any) => boolean, timeoutMs?: number, what?: string): Promise<any>;
  initialize(opts?: { pull?: boolean }): Promise<any>;
  shutdown(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export declare function isDiagnosticsFor(uri: string, version?: number): (msg: any) => boolean;
