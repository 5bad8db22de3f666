// One flat config for the whole workspace: typescript-eslint's type-checked rules,
// and koffi allowed only inside @iolib/syscalls (docs/architecture.md, "Layers").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const koffiOnlyInSyscalls = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'koffi', message: 'Only @iolib/syscalls may import koffi (docs/architecture.md, "Layers").' }],
    },
  ],
};

const koffiPath = koffiOnlyInSyscalls['no-restricted-imports'][1].paths;

/**
 * @iolib/sockets' layers import only downward: types ← core ← ops ← socket ←
 * api, interop ← index (packages/sockets/README.md, "Code structure"). Type imports and
 * re-exports count too; packages/sockets/test/import-graph.test.ts checks the
 * same order and the absence of cycles in every package.
 */
const layer = (above, why) => ({
  'no-restricted-imports': [
    'error',
    { paths: koffiPath, patterns: [{ group: above, message: `@iolib/sockets imports only downward: ${why}` }] },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'apps/docs/.vitepress/cache/**', '**/*.c'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...koffiOnlyInSyscalls,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unified-signatures': 'off',
    },
  },
  {
    files: ['packages/sockets/src/types.ts'],
    rules: layer(['./*', '../*'], 'types.ts is the leaf and imports no file of the package.'),
  },
  {
    files: ['packages/sockets/src/core/**'],
    rules: layer(['../ops/*', '../socket/*', '../api/*', '../index.js'], 'core/ may import only types.ts and core/.'),
  },
  {
    files: ['packages/sockets/src/ops/**'],
    rules: layer(['../socket/*', '../api/*', '../index.js'], 'ops/ may import only types.ts, core/ and ops/ (never the socket classes).'),
  },
  {
    files: ['packages/sockets/src/socket/**'],
    rules: layer(['../api/*', '../index.js'], 'socket/ may import types.ts, core/, ops/ and socket/.'),
  },
  {
    files: ['packages/sockets/src/api/**'],
    rules: layer(['../index.js'], 'api/ may import everything below it, never the entry point.'),
  },
  {
    files: ['packages/sockets/src/interop/**'],
    rules: layer(['../api/*', '../index.js'], 'interop/ (beside api/) may import types.ts, core/, ops/, socket/ and interop/.'),
  },
  {
    files: ['packages/syscalls/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/test/**', 'bench/**', 'demo/**', 'apps/docs/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
