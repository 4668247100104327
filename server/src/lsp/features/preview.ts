// The table preview's data: the custom request `disclosureReport/preview` ({ uri }) answers the
// core's preview model of the document as the server holds it (null when it is not open), so
// the client's webview draws the same cells, statuses and ranges the diagnostics speak of.

import { previewModel, type PreviewTable } from '../../core/draft/index.js';
import { REQUESTS } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams, onCustom } from '../guard.js';
import type { DocumentStore } from '../documents.js';


export interface PreviewParams {
  uri: string;
}

/** The preview of an open document, or null. */
export function previewOf(documents: DocumentStore, params: unknown): PreviewTable[] | null {
  const uri = (params as Partial<PreviewParams> | null)?.uri;
  if (typeof uri !== 'string') throw new InvalidParams('expected { uri }');
  const doc = documents.get(uri);
  return doc ? previewModel(documents.analyzeSafely(doc)) : null;
}

export function register(ctx: ServerContext): void {
  onCustom(ctx, REQUESTS.preview, (params) => previewOf(ctx.documents, params));
}
