export interface Mutation {
  id: string;
  invariant: string;
  what: string;
  file: string;
  find: string;
  replace: string;
  /** Further replacements, applied in order: in `file` when given, else in the mutation's. */
  more?: Edit[];
  tests?: string[];
  command?: string[];
  pattern?: string;
  env?: Record<string, string>;
  slow?: boolean;
}
export function loadMutations(root: string): Mutation[];
export interface Edit { file?: string; find: string; replace: string }
export function editsByFile(m: Mutation): Map<string, Edit[]>;
export function applyEdits(text: string, edits: Edit[]): string | undefined;
export function invariantRows(root: string): { invariant: string; heldBy: string }[];
