// "Open as Disclosure Report draft" and "Write fixes back to the .docx", the server's side: the
// requests `disclosureReport/convertSource` ({ uri } → the converted draft, which the client opens
// as an untitled document in the report language, so every feature works on it) and
// `disclosureReport/writeBackSource` ({ uri } of a .docx → its recompute fixes written back
// atomically, with what changed and the text it now converts to). The files are read through
// ctx.sources (the runtime's file access); without one, both answer an error.

import { REQUESTS } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams, onCustom } from '../guard.js';

const NO_FILES = { zh: '此环境无法读取文件', en: 'Files cannot be read in this environment' };

/** The `uri` of a request's params; InvalidParams otherwise. */
export function uriOf(params: unknown): string {
  const uri = (params as { uri?: unknown } | null)?.uri;
  if (typeof uri !== 'string' || !uri) throw new InvalidParams('uri must be a string');
  return uri;
}

export function register(ctx: ServerContext): void {
  onCustom(ctx, REQUESTS.convertSource, (params) => {
    const uri = uriOf(params);
    return ctx.sources ? ctx.sources.convert(uri) : { error: NO_FILES };
  });
  onCustom(ctx, REQUESTS.writeBackSource, (params) => {
    const uri = uriOf(params);
    return ctx.sources ? ctx.sources.writeFixes(uri) : { error: NO_FILES };
  });
}
