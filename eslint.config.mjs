// The linter: a small set of rules that catch bugs tsc does not, not a style guide (the code's style
// is left as it is; nothing here reformats). `npm run lint`; `npm test` runs it before the tests.
//
// Why these rules:
// - no-floating-promises / no-misused-promises: the server and client are event-driven; a promise
//   nobody awaits or catches loses its error (an unhandled rejection ends a Node process) and a
//   promise passed where a void callback is expected runs unordered.
// - await-thenable: `await` on a value that is not a promise is a mistake about what a function returns.
// - no-explicit-any (shipped code only): `any` switches the type checker off for everything it touches.
// - no-restricted-syntax `as unknown as` (shipped code only): a double cast lies to the compiler about a value's shape
//   (docs/ARCHITECTURE.md: no such casts; one Finding type for every rule).
// - no-fallthrough, no-self-compare, no-unreachable, no-dupe-else-if, no-duplicate-case,
//   no-unsafe-finally, no-cond-assign (except parenthesised), no-constant-binary-expression:
//   the correctness part of eslint:recommended, cheap and without false alarms on this code.
// - no-restricted-imports `fast-check` (tests): the tests take it from test/helpers/fc.ts, which
//   lets a `maxLength` be reached (fast-check's default size caps what it generates at 10 items).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', '**/*.d.ts', '**/*.d.mts', '.vscode-test/**', 'media/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'no-fallthrough': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-constant-binary-expression': 'error',
    },
  },
  {
    // The shipped code, not the tests (whose fakes of vscode and of the connection stand in for a
    // shape on purpose).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSAsExpression[typeAnnotation.type="TSUnknownKeyword"]', message: 'No `as unknown as`: give the value the type it has.' }],
    },
  },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['test/**/*.ts'],
    ignores: ['test/helpers/fc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'fast-check', message: "Import fc from test/helpers/fc.ts: fast-check's default size caps generated arrays and strings at 10 items whatever maxLength says." }] }] },
  },
);
