// ESLint: typescript-eslint's type-checked rules over every TypeScript file the project
// keeps (src/, test/, drizzle.config.ts), typed through tsconfig.json (projectService).
// Each rule turned off or tuned below says why; everything else is the preset as shipped.
import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    // Generated or installed, not written here (see .gitignore).
    ignores: ['dist/', 'coverage/', '.tap/', 'artifacts/', 'data/', 'node_modules/', 'test/client/openapi.d.ts']
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      // Fastify and tap are promise-based: a plugin, hook, handler or subtest declared
      // `async` signals completion through the promise it returns (a plain function
      // plugin would have to call `done` instead), so `async` without `await` is their
      // idiom, not a mistake.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a binding kept on purpose: a destructured field
      // dropped from a copy (`const { id: _, ...rest } = row`) or a positional parameter.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_',
        varsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_',
        ignoreRestSiblings: true
      }]
    }
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // tap queues `t.test(...)` subtests (the method of @tapjs/test's Test class) and the
      // parent waits for each; a failure inside one is reported by tap, so the promise it
      // returns may be left unawaited, as tap's own docs do.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: '@tapjs/test', name: 'test' }]
      }],
      // Tests read response bodies as `any` (light-my-request's `json()`, test/helper.ts's
      // `Response.body`, Playwright's `evaluate`) and check their whole value with tap's
      // assertions, which is the point of the test; typing each body first adds nothing.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
    }
  },
  {
    // Plain JavaScript (this file, tap's coverage map) is outside tsconfig.json: no types.
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked]
  }
)
