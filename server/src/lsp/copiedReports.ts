// prose-copied in the editor: the reports "Check All Reports" ran the batch step over (core/copied
// CopiedBatch, by canonical URI), kept between checks so that a report's finding follows its
// publications: features/workspaceCheck.ts fills it and publishes the files on disk; the
// diagnostics of open documents (features/diagnostics.ts) take their finding from it and are
// computed again when it says the findings changed. A service on the context, since features do
// not import each other.

import { CopiedBatch, proseFingerprint, type Analysis, type Diagnostic } from '../core/index.js';
import { canonicalUri } from './files.js';
import type { Logger } from './guard.js';

export class CopiedReports extends CopiedBatch {
  private readonly listeners = new Set<() => void>();
  /** Bumped whenever findings changed (part of pull-diagnostic result ids). */
  generation = 0;

  constructor(private readonly log: Logger) {
    super();
  }

  onDidChange(l: () => void): { dispose(): void } {
    this.listeners.add(l);
    return { dispose: () => void this.listeners.delete(l) };
  }

  /** Tells the listeners that findings changed. */
  changed(): void {
    this.generation++;
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (err) {
        this.log.error('prose-copied listener failed', err);
      }
    }
  }

  /** The batch findings of a report (none unless it took part in the batch and its prose is as it was then). */
  findingsFor(uri: string, analysis: () => Pick<Analysis, 'headings' | 'tables' | 'identity'>, lines: () => readonly string[]): Diagnostic[] {
    const key = canonicalUri(uri);
    if (!this.has(key)) return [];
    const l = lines();
    const d = this.finding(key, proseFingerprint(analysis(), l, key), l);
    return d ? [d] : [];
  }
}
