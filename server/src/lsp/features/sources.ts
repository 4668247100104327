// "Open as Disclosure Report draft" and "Write fixes back to the .docx", the server's side: the
// requests `disclosureReport/convertSource` ({ uri } → the converted draft, which the client opens
// as an untitled document in the report language, so every feature works on it) and
// `disclosureReport/writeBackSource` ({ uri } of a .docx → its recompute fixes written back
// atomically, with what changed and the text it now converts to). The files are read through
// ctx.sources (the runtime's file access); without one, both answer an error. Only files of the
// source kinds (.docx, web pages, PDFs, and the old Word/WPS formats, to say so) are read, and,
// when the server has workspace folders, only files inside them: the request is no way to read
// any file on the machine.

import { REQUESTS } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams, onCustom } from '../guard.js';
import { baseName, hierarchicalPath } from '../files.js';
import type { Localized } from '../../core/index.js';

const NO_FILES = { zh: '此环境无法读取文件', en: 'Files cannot be read in this environment' };

/** The `uri` of a request's params; InvalidParams otherwise. */
export function uriOf(params: unknown): string {
  const uri = (params as { uri?: unknown } | null)?.uri;
  if (typeof uri !== 'string' || !uri) throw new InvalidParams('uri must be a string');
  return uri;
}

const SOURCE_KINDS = /\.(docx|html?|pdf|doc|wps|dot|wpt|rtf)$/i;
const NOT_A_SOURCE: Localized = { zh: '只能转换 .docx、.html/.htm 和 .pdf 文件', en: 'Only .docx, .html/.htm and .pdf files can be converted' };
const OUTSIDE: Localized = { zh: '只能读取工作区文件夹中的文件', en: 'Only files inside the workspace folders can be read' };

/** Why the server will not read `uri` for these requests; null when it will. */
export function refusal(ctx: Pick<ServerContext, 'workspace'>, uri: string): Localized | null {
  if (!SOURCE_KINDS.test(baseName(uri))) return NOT_A_SOURCE;
  const path = hierarchicalPath(uri);
  // `..` and `.` segments would walk out of a folder the URI seems to be inside (on any scheme: a
  // workspace of VS Code for the Web too).
  if (path !== undefined && path.split('/').some((s) => s === '..' || s === '.')) return OUTSIDE;
  if (ctx.workspace.folders.length && !ctx.workspace.folderOf(uri)) return OUTSIDE;
  return null;
}

export function register(ctx: ServerContext): void {
  onCustom(ctx, REQUESTS.convertSource, (params) => {
    const uri = uriOf(params);
    const refused = refusal(ctx, uri);
    if (refused) return { error: refused };
    return ctx.sources ? ctx.sources.convert(uri) : { error: NO_FILES };
  });
  onCustom(ctx, REQUESTS.writeBackSource, async (params) => {
    const uri = uriOf(params);
    const refused = refusal(ctx, uri);
    if (refused) return { error: refused };
    if (!ctx.sources) return { error: NO_FILES };
    // Cells reviewed as accepted in .disclosure-report.json are left as written, as by --fix.
    return ctx.sources.writeFixes(uri, (await ctx.projectConfig.settled(uri)).cells);
  });
}
