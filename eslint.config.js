// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import layering (ARCHITECTURE.md): renderer → shared, preload → shared,
 * main/app → main/server → main/domain → main/store; everything may use shared/.
 * Each entry: files it applies to, and what they must not import.
 */
const NODE_IO = ['^node:', '^(fs|http|https|net|child_process|os|path)$'];
const layers = [
  {
    name: 'main/domain',
    files: ['main/domain/**/*.ts'],
    forbidden: ['^electron$', '^lowdb', '^ws$', '^node:(http|https|net)$', '^@trpc/', '(^|/)(server|app|cti)/', '(^|/)store/(lowdb|index)'],
  },
  {
    name: 'main/store',
    files: ['main/store/**/*.ts'],
    forbidden: ['^electron$', '^ws$', '^node:(http|https|net)$', '^@trpc/', '(^|/)(domain|server|app|cti)/'],
  },
  { name: 'main/server', files: ['main/server/**/*.ts'], forbidden: ['^electron$', '(^|/)app/'] },
  { name: 'main/cti', files: ['main/cti/**/*.ts'], forbidden: ['^electron$', '(^|/)app/'] },
  { name: 'main/config', files: ['main/config/**/*.ts'], forbidden: ['^electron$', '(^|/)(domain|server|app|store|cti)/'] },
  {
    name: 'shared',
    files: ['shared/**/*.ts'],
    forbidden: [...NODE_IO, '^electron$', '^lowdb', '^ws$', '^react', '(^|/)(main|renderer|preload)/'],
  },
  { name: 'preload', files: ['preload/**/*.ts'], forbidden: [...NODE_IO, '^lowdb', '^ws$', '(^|/)(main|renderer)/'] },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  ...layers.map((layer) => ({
    files: layer.files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: layer.forbidden.join('|'), message: `${layer.name} must not import this (see ARCHITECTURE.md layering).` }],
        },
      ],
    },
  })),
  {
    // The renderer runs in the browser sandbox: no Node, no Electron, and `main/` only as `import type`.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: [...NODE_IO, '^electron$', '^lowdb', '^ws$', '(^|/)preload/'].join('|'), message: 'renderer must not import this (see ARCHITECTURE.md layering).' },
            // Anything of main/ but the router type is out, even as a type: types the renderer needs come from the router.
            { regex: '(^|/)main/(?!server/router$)', message: 'renderer may import main/ only as `import type` of the router (main/server/router).' },
            { regex: '(^|/)main/server/router$', allowTypeImports: true, message: 'renderer may import the router only as `import type`.' },
          ],
        },
      ],
    },
  },
);
