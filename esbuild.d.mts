// Types for esbuild.mjs (imported by test/lsp/build.ts).
import type { BuildOptions } from 'esbuild';

export type BundleName = 'cli' | 'check-worker' | 'iconv-lite' | 'markup-lib' | 'server' | 'client' | 'pdf-worker' | 'pdf-engine' | 'web-client' | 'web-server';
export declare function bundleOptions(name: BundleName, opts?: { production?: boolean }): BuildOptions & { outfile: string; entryPoints: string[] };
export declare const BUNDLES: BundleName[];
export declare const BINS: string[];
export declare function copyCmaps(): void;
