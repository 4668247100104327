// The URI arithmetic of the language server (the workspace index, the config lookup, the runtimes
// of host/): URIs are kept in one spelling (`canonicalUri`: percent-encoded as VS Code writes them,
// drive letters lower-case), so that a URI the server builds compares equal to the one the client
// sends. Hierarchical URIs of any scheme (`file:`, and the workspace schemes of VS Code for the
// Web: `vscode-vfs:`, `memfs:`…) compose alike; the file system itself is host/runtime.ts's.

import { LineMemo } from '../core/index.js';
import { sourceUriOfDraft } from '../protocol.js';

const UNRESERVED = /[A-Za-z0-9\-._~/]/;

function encodePath(path: string): string {
  let out = '';
  for (const ch of path) {
    if (UNRESERVED.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** scheme://authority, the path; for `file:` and the other hierarchical URIs with neither query nor fragment. */
const HIERARCHICAL = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?$/i;

/**
 * One spelling of a URI: hierarchical paths decoded and re-encoded (`:` as %3A; a `file:` drive letter lower-case).
 * A converted draft (`disclosure-report-draft:`, protocol.ts) is the file it was converted from: the
 * index takes the open draft as that file's open version, as it takes an open `.txt`.
 */
export function canonicalUri(uri: string): string {
  // Asked five times an edit (the workspace index, last year's report, the config and the
  // prose-copied lookups) for the same few URIs: the last 256 answers kept.
  return canonical.get(uri, () => canonicalOf(uri));
}
const canonical = new LineMemo<string>(256);

function canonicalOf(uri: string): string {
  uri = sourceUriOfDraft(uri) ?? uri;
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (m) {
    const path = decode(m[2] ?? '/').replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`);
    return `file://${m[1]}${encodePath(path)}`;
  }
  const h = HIERARCHICAL.exec(uri);
  return h ? `${h[1]}${encodePath(decode(h[2] ?? '/'))}` : uri;
}

/** A hierarchical URI (`scheme://authority/path`): one whose folders a runtime can walk up. */
export const isHierarchical = (uri: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);

/** The decoded path of a hierarchical URI of any scheme (with `/`), or undefined for another URI. */
export function hierarchicalPath(uri: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(uri);
  return m ? decode(m[1] ?? '/') : undefined;
}

/** The folder holding `uri` (no trailing slash; the root is `file:///`). */
export function parentUri(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return uri;
  const path = (m[2] ?? '/').replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  return m[1] + (i <= 0 ? '/' : path.slice(0, i));
}

export function joinUri(folder: string, name: string): string {
  return `${folder.replace(/\/+$/, '')}/${encodePath(name)}`;
}

/** The last part of a URI's path, decoded. */
export function baseName(uri: string): string {
  const u = uri.replace(/\/+$/, '');
  return decode(u.slice(u.lastIndexOf('/') + 1));
}

/** Is `uri` inside (or equal to) `folder`? Both canonical. */
export function isInside(uri: string, folder: string): boolean {
  const f = folder.replace(/\/+$/, '');
  return uri === f || uri.startsWith(`${f}/`);
}

/** `uri`'s path relative to `folder` (both canonical, `uri` inside), with `/`. */
export function relativeTo(folder: string, uri: string): string {
  const f = folder.replace(/\/+$/, '');
  return uri.startsWith(`${f}/`) ? decode(uri.slice(f.length + 1)) : decode(uri);
}

/** The path from folder `from` to `uri` with `..` where needed (both canonical, of one scheme and authority). */
export function relativePath(from: string, uri: string): string {
  const a = (hierarchicalPath(from) ?? '').split('/').filter(Boolean);
  const b = (hierarchicalPath(uri) ?? '').split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
