// Types for esbuild.mjs (imported by test/lsp/build.ts).
import type { BuildOptions } from 'esbuild';

export declare function bundleOptions(name: 'cli' | 'server' | 'client' | 'pdf-worker' | 'pdf-engine', opts?: { production?: boolean }): BuildOptions & { outfile: string; entryPoints: string[] };
export declare const BINS: string[];
