// The server's commands (`workspace/executeCommand`) in one registry: LSP allows one handler per
// connection and one `executeCommandProvider` list, so every feature that runs a command
// registers it here, and server.ts declares the ids and dispatches.

import type { CancellationToken, ExecuteCommandParams } from 'vscode-languageserver';
import { InvalidParams } from './guard.js';

export type CommandHandler = (params: ExecuteCommandParams, token: CancellationToken) => unknown;

export class CommandRegistry {
  private readonly handlers = new Map<string, CommandHandler>();

  register(id: string, handler: CommandHandler): void {
    if (this.handlers.has(id)) throw new Error(`command ${id} registered twice`);
    this.handlers.set(id, handler);
  }

  get ids(): string[] {
    return [...this.handlers.keys()];
  }

  execute(params: ExecuteCommandParams, token: CancellationToken): unknown {
    const h = typeof params?.command === 'string' ? this.handlers.get(params.command) : undefined;
    if (!h) throw new InvalidParams(`unknown command ${String(params?.command)}`);
    return h(params, token);
  }
}
