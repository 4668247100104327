// "Open as Disclosure Report draft" and "Write fixes back to the .docx", the server's side: the
// requests `disclosureReport/convertSource` ({ uri } → the converted draft, which the client opens
// as an untitled document in the report language, so every feature works on it) and
// `disclosureReport/writeBackSource` ({ uri } of a .docx → its recompute fixes written back
// atomically, with what changed and the text it now converts to). The files are read through
// ctx.sources (the runtime's file access); without one, both answer an error.

import { SERVER_REQUESTS } from '../../protocol.js';
import type { ConvertedSource, ServerContext, WrittenFixes } from '../context.js';
import { guard, InvalidParams } from '../guard.js';

const NO_FILES = { zh: '此环境无法读取文件', en: 'Files cannot be read in this environment' };

/** The `uri` of a request's params; InvalidParams otherwise. */
export function uriOf(params: unknown): string {
  const uri = (params as { uri?: unknown } | null)?.uri;
  if (typeof uri !== 'string' || !uri) throw new InvalidParams('uri must be a string');
  return uri;
}

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(
    SERVER_REQUESTS.convertSource,
    guard(ctx, SERVER_REQUESTS.convertSource, (params: unknown): Promise<ConvertedSource> | ConvertedSource => {
      const uri = uriOf(params);
      return ctx.sources ? ctx.sources.convert(uri) : { error: NO_FILES };
    }),
  );
  ctx.connection.onRequest(
    SERVER_REQUESTS.writeBackSource,
    guard(ctx, SERVER_REQUESTS.writeBackSource, async (params: unknown): Promise<WrittenFixes> => {
      const uri = uriOf(params);
      if (!ctx.sources) return { error: NO_FILES };
      // Cells reviewed as accepted in .disclosure-report.json are left as written, as by --fix.
      return ctx.sources.writeFixes(uri, (await ctx.projectConfig.settled(uri)).cells);
    }),
  );
}
