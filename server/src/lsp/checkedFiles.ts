// The files "Check All Reports" covered, by canonical URI (open ones counted from the editor, the
// others checked from disk): features/workspaceCheck.ts keeps the set (adds what it checked, drops
// files deleted or no longer listed), and the Findings view (features/findings.ts) lists them
// beside the open reports. A service on the context, since features do not import each other.
export class CheckedFiles extends Set<string> {}
