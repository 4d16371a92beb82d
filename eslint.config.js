import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The import rules keep the architecture's directions: the renderer and shared contracts never
// reach into the backend, and the backend never depends on Electron.
const backendOnly = {
  group: ['#main/*', '**/src-main/**'],
  message: 'The backend is reached over HTTP.',
};
const nodeOnly = {
  group: ['node:*', 'fastify', 'drizzle-orm*', 'better-sqlite3', 'electron'],
  message: 'Keep this code environment-free.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'drizzle/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The backend never imports Electron.' }] },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            backendOnly,
            nodeOnly,
            { group: ['react', 'react-dom'], message: 'Keep this code environment-free.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [backendOnly, nodeOnly] }],
    },
  },
  {
    files: ['src-main/electron/**/*.d.ts'],
    rules: { '@typescript-eslint/no-extraneous-class': 'off' },
  },
);
