export interface Mutation {
  id: string;
  invariant: string;
  what: string;
  file: string;
  find: string;
  replace: string;
  /** Further replacements in the same file, applied in order. */
  more?: { find: string; replace: string }[];
  tests?: string[];
  command?: string[];
  pattern?: string;
  env?: Record<string, string>;
  slow?: boolean;
}
export function loadMutations(root: string): Mutation[];
export function applyMutation(text: string, m: Mutation): string | undefined;
export function invariantRows(root: string): { invariant: string; heldBy: string }[];
