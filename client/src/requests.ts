// Sending protocol.ts's custom requests: the params and the result typed by the request itself,
// so the client cannot send or read a shape the server does not answer (the server side:
// lsp/guard.ts onCustom), and listening to its custom notifications (onNotice; sendNotice). Works with the Node and the browser language client alike.
import type { Disposable } from 'vscode';
import type { BaseLanguageClient, CancellationToken } from 'vscode-languageclient';
import type { CustomNotification, CustomRequest } from '../../server/src/protocol';

export function sendCustom<P, R>(client: BaseLanguageClient, request: CustomRequest<P, R>, params: P, token?: CancellationToken): Promise<R> {
  return token ? client.sendRequest<R>(request.method, params, token) : client.sendRequest<R>(request.method, params);
}

/** Listens to one of protocol.ts's custom notifications, its params typed by the notification. */
export function onNotice<P>(client: BaseLanguageClient, notice: CustomNotification<P>, handler: (params: P) => void): Disposable {
  return client.onNotification(notice.method, handler);
}
