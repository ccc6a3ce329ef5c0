// Lint: typescript-eslint strict with type information, plus import bans that keep the layers apart.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serverOnly = ['**/server/**', 'fastify', 'fastify-*', '@fastify/*', 'pg', 'pg-boss', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/pglite', '@electric-sql/pglite/*', 'nodemailer'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'drizzle/**', 'bin/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      // Fastify plugins and route handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(only|skip|todo)$/][callee.object.name=/^(it|test|describe)$/]", message: 'No focused, skipped or todo tests.' },
        { selector: "Property[key.name=/^(only|skip|todo)$/][value.value=true]", message: 'No focused, skipped or todo tests.' },
      ],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/solver/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...serverOnly, '**/web/**', '**/cli/**', '**/db/**'], message: 'The solver is pure: no server, database, web or CLI imports.' },
      ] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...serverOnly, '**/web/**', '**/solver/**', '**/cli/**'], message: 'Shared schemas are imported by server and web; they import neither.' },
      ] }],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...serverOnly, '**/solver/**', '**/cli/**', 'node:*'], message: 'The web app talks to the server over HTTP only.' },
      ] }],
    },
  },
  {
    files: ['src/server/**/*.repo.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/*.routes*', '**/*.service*', 'fastify'], message: 'Repositories hold SQL only; they never import routes or services.' },
      ] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['it', 'test', 'describe', 'suite'] }] }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
