// "Mark as reviewed", the server's half (`disclosureReport/reviewEdit`): the VS Code client's
// command (run by the code action, codeActions.ts) has asked the reviewer for a status (confirmed
// — to be corrected; accepted as is; false alarm) and a reason, and knows who reviews; the server
// finds the finding again in its own copy of the document (rule and start; cross-year findings
// included), builds the entry — cell, else row, else fingerprint; status, reason, reviewer, date
// (today when the client sends none) — and answers the workspace edit of `.disclosure-report.json`
// that adds it (or replaces the entry of the same finding, so a finding reviewed again keeps one
// entry), creating the file at the workspace folder's root when there is none. The client applies
// and saves it; the file watcher then re-checks every open report.

import type { Localized } from '../../core/index.js';
import { isoDate, REVIEW_STATUSES, type ReviewStatus } from '../../config/index.js';
import { REQUESTS, type ReviewRequest } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams, onCustom } from '../guard.js';
import { text } from '../messages.js';
import { coreDiagnostics } from '../reportDiagnostics.js';
import { reviewText } from '../reviewMessages.js';

const isPosition = (p: unknown): p is { line: number; character: number } =>
  !!p && typeof p === 'object' && Number.isInteger((p as { line: number }).line) && Number.isInteger((p as { character: number }).character);

/** The request's params, checked (a bad one is InvalidParams); text fields trimmed and bounded. */
export function readReviewRequest(params: unknown): ReviewRequest {
  const p = params as Partial<ReviewRequest> | null;
  if (!p || typeof p !== 'object' || typeof p.uri !== 'string' || !Number.isInteger(p.version) || typeof p.rule !== 'string' || !isPosition(p.at)) {
    throw new InvalidParams('expected { uri, version, rule, at, status, reason }');
  }
  if (!REVIEW_STATUSES.includes(p.status as ReviewStatus)) throw new InvalidParams('status must be confirmed, accepted or false-alarm');
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
  const out: ReviewRequest = { uri: p.uri, version: p.version!, rule: p.rule, at: { line: p.at.line, character: p.at.character }, status: p.status!, reason: str(p.reason, 2000) };
  const reviewer = str(p.reviewer, 200);
  if (reviewer) out.reviewer = reviewer;
  const date = str(p.date, 40);
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) out.date = date;
  return out;
}

export function register(ctx: ServerContext): void {
  onCustom(ctx, REQUESTS.reviewEdit, async (params: unknown) => {
      const p = readReviewRequest(params);
      const fail = (error: Localized) => ({ error });
      const doc = ctx.documents.get(p.uri);
      if (!doc) return fail(reviewText.notOpen());
      if (doc.version !== p.version) return fail(text.staleDocument());
      const core = coreDiagnostics(ctx, doc).find((d) => d.rule === p.rule && d.range.start.line === p.at.line && d.range.start.character === p.at.character);
      if (!core) return fail(reviewText.notFound());
      const ops = ctx.client.capabilities.workspace?.workspaceEdit?.resourceOperations ?? [];
      const r = await ctx.projectConfig.reviewEdit(p.uri, core, doc.model, {
        canCreate: ops.includes('create'),
        documentChanges: ctx.client.documentChanges,
        review: { status: p.status, reason: p.reason, reviewer: p.reviewer, date: p.date ?? isoDate() },
      });
      if (!r) return fail(reviewText.cannotEdit());
      ctx.log.info(`review of ${p.rule} in ${p.uri}: ${p.status}`);
      return { edit: r.edit, configUri: r.configUri, entry: r.entry };
    });
}
