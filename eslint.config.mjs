// The house guidelines, backed by lint (STYLE.md): no `any`, no console logging in the extension
// host or the server, no VS Code API below the client, no shell-string exec, no `.only` in tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'bench-results/**', 'schemas/**', 'test/fixtures/**', 'test/e2e/fixtures/**'] },
  js.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(describe|it|context|test)$/]", message: 'No .only in tests: it silently skips the rest of the suite.' },
        { selector: "CallExpression[callee.name='exec'], CallExpression[callee.property.name='exec'][callee.object.name='child_process']", message: 'No shell-string exec: use execFile/spawn with an argument array.' },
        { selector: "Property[key.name='shell'][value.value=true]", message: 'No shell: true: arguments must not be parsed by a shell.' },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'local/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The engine, the language server and local CodeDeploy never use the VS Code API.' }] }],
    },
  },
  {
    files: ['client/src/**/*.ts', 'server/src/appspec/**/*.ts', 'server/src/lsp/**/*.ts', 'server/src/server.ts'],
    rules: { 'no-console': 'error' },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
