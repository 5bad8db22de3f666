// One flat config for the whole workspace: typescript-eslint's type-checked rules,
// and koffi allowed only inside @iolib/syscalls (DESIGN.md, "Layers").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const koffiOnlyInSyscalls = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'koffi', message: 'Only @iolib/syscalls may import koffi (DESIGN.md, "Layers").' }],
    },
  ],
};

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
