// ESLint flat config: type-aware typescript-eslint rules plus the import boundaries of
// docs (BRIEF §6). Prettier formats separately (`prettier --check .` in `npm test`), so no
// formatting rules live here.
//
// How the boundaries work
// -----------------------
// Code under src/ reaches another folder only through the package's subpath imports
// (`#server/…`, `#shared/…`, `#web/…`, declared in package.json `imports`); a relative import
// stays inside its own folder (`./x`). So an import string says where it lands, and each rule
// is one plain pattern on that string. Features are read from disk (`readdirSync`), so a new
// folder under `src/server/features` or `src/web/features` is covered without an edit.
//
// Flat config replaces (does not merge) a rule's options when two config objects match
// the same file. Each zone therefore carries the whole pattern list for its files, and
// zones go from general to specific so the most specific one wins.
// `tests/helpers/lint-boundaries.test.ts` proves each rule fires and that allowed imports pass;
// `tests/helpers/import-cycles.test.ts` proves there is no import cycle.

import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const EXT = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

// ---------------------------------------------------------------------------
// Messages (each names what to use instead)
// ---------------------------------------------------------------------------

const MSG = {
  climbs:
    'Reach another folder through its alias (#server/…, #shared/…, #web/…, with the file’s extension); relative imports stay inside their own folder.',
  sharedImportsApp:
    'src/shared runs on both the server and in the browser, so it imports neither #server nor #web. Move the piece into src/shared, or pass it in as an argument.',
  webImportsServer:
    'src/web never imports #server. Use the zod schemas and types in #shared (src/shared/schemas/<feature>.ts) and call the API.',
  serverImportsWeb: 'src/server never imports #web. Put what both sides need in src/shared.',
  crossFeature:
    "Features don't import each other. Move shared logic to the core (src/server/{policy,db,auth}, src/web/{core,ui}, src/shared) and let the app shell (src/server/app.ts, src/web/app) compose features.",
  coreImportsFeature:
    'The core does not import features; the app shell (src/server/app.ts, src/web/app) composes them. Pass what the core needs in as an argument or a registration.',
  dbDriver:
    'Only src/server/db talks to database drivers. Use openDatabase() and the Database type from #server/db/index.ts (drizzle-orm and drizzle-orm/pg-core are fine).',
  testImport:
    'Application code never imports test code. Test helpers stay in tests/; only *.test.ts files may use them.',
  webShell:
    'Only the web shell (src/web/app: routes, layout, composition) imports the shell. Take data, session and hooks from src/web/core and components from src/web/ui; a page that needs another feature gets it as a prop from the shell.',
  webCoreLayer:
    'src/web/core and src/web/ui sit below the features: they import no feature. Move the shared piece into core (data, hooks) or ui (components), or let the shell pass it in.',
  webCoreBelowUi:
    'src/web/core holds data and hooks, no components: it never imports src/web/ui. Put the component in src/web/ui (ui may use core).',
  i18nAlone: 'src/web/i18n is the word catalog and t(); it imports no other part of src/web.',
  processEnv: 'Read configuration through loadConfig() in src/server/config.',
};

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------

/** Escapes a folder name for use inside a RegExp. */
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A relative import that leaves its folder. */
const CLIMBS_PATTERN = { regex: '^\\.\\.(/|$)', message: MSG.climbs };
/** The same for a test file, which may climb to the root tests/ folder for its helpers. */
const TEST_CLIMBS_PATTERN = { regex: '^(\\.\\./)+(?!(\\.\\./)*tests/)', message: MSG.climbs };

/** Database drivers: bare specifiers. */
const DB_DRIVER_PATTERN = {
  regex: '^(pg|postgres|@electric-sql/pglite|drizzle-orm/(pglite|node-postgres))(/.*)?$',
  message: MSG.dbDriver,
};

/** `import { env } from 'node:process'` is process.env by another name. */
const ENV_IMPORT_PATTERN = {
  regex: '^(node:)?process$',
  importNames: ['env'],
  message: MSG.processEnv,
};

/** Test files by name, and anything under a tests/ folder. */
const TEST_IMPORT_PATTERNS = [
  { regex: '\\.test(\\.[cm]?[jt]sx?)?$', message: MSG.testImport },
  { regex: '(^|/)tests(/|$)', message: MSG.testImport },
];

/** The shell's own files (they compose features); everything else outside features is core. */
const SHELL_FILES = { server: ['app.ts', 'main.ts', 'manifests.ts'], web: ['main.tsx'] };

/**
 * The layers of the web app, lowest first: i18n, core (API client, query keys, session, space
 * hooks, drafts), ui (components; may use core), features, and the shell (src/web/app), which
 * alone composes features into routes and the layout. Each layer's folder → [reached folders,
 * message].
 */
const WEB_LAYER_RULES = {
  i18n: [['app|features|ui|core', 'i18nAlone']],
  core: [
    ['app', 'webShell'],
    ['features', 'webCoreLayer'],
    ['ui', 'webCoreBelowUi'],
  ],
  ui: [
    ['app', 'webShell'],
    ['features', 'webCoreLayer'],
  ],
  features: [['app', 'webShell']],
};

function listFeatures(side) {
  const dir = path.join(ROOT, 'src', side, 'features');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Everything a file may not import, given its area (`shared`, `web`, `server`), the core
 * folder it sits in (e.g. `db`), the feature it belongs to, and whether it is a test file.
 */
function patternsFor({ side, folder, feature, isTest }) {
  const patterns = [isTest ? TEST_CLIMBS_PATTERN : CLIMBS_PATTERN];
  if (side === 'shared') {
    patterns.push({ regex: '^#(server|web)(/|$)', message: MSG.sharedImportsApp });
  }
  if (side === 'web') patterns.push({ regex: '^#server(/|$)', message: MSG.webImportsServer });
  if (side === 'server') patterns.push({ regex: '^#web(/|$)', message: MSG.serverImportsWeb });
  if (!(side === 'server' && folder === 'db')) patterns.push(DB_DRIVER_PATTERN);
  if (!(side === 'server' && folder === 'config')) patterns.push(ENV_IMPORT_PATTERN);
  // Test files may reach into tests/ (helpers, fixtures) and, to set up state, into
  // another feature's service; application code may do neither.
  if (!isTest) {
    patterns.push(...TEST_IMPORT_PATTERNS);
    if (feature !== undefined) {
      patterns.push({
        regex: `^#${side}/features/(?!${escapeRegex(feature)}/)`,
        message: MSG.crossFeature,
      });
    } else if (side === 'server' && !SHELL_FILES.server.includes(folder)) {
      patterns.push({ regex: '^#server/features/', message: MSG.coreImportsFeature });
    }
    if (side === 'web') {
      for (const [target, message] of WEB_LAYER_RULES[folder] ?? []) {
        patterns.push({ regex: `^#web/(${target})/`, message: MSG[message] });
      }
    }
  }
  return patterns;
}

const TEST_FILE = `*.test.${EXT}`;

/**
 * Config objects for the files matching `globs`: one for application files and, unless the
 * globs name single files, one for the test files among them.
 */
function zone(label, globs, where) {
  const rule = (isTest) => ['error', { patterns: patternsFor({ ...where, isTest }) }];
  const app = {
    name: `boundaries/${label}`,
    files: globs,
    ignores: [`**/${TEST_FILE}`],
    rules: { 'no-restricted-imports': rule(false) },
  };
  const testGlobs = globs.filter((glob) => glob.endsWith(`*.${EXT}`));
  if (testGlobs.length === 0) return [app];
  const tests = {
    name: `boundaries/${label} (tests)`,
    files: testGlobs.map((glob) => glob.slice(0, -`*.${EXT}`.length) + TEST_FILE),
    rules: { 'no-restricted-imports': rule(true) },
  };
  return [app, tests];
}

function listFolders(side) {
  const dir = path.join(ROOT, 'src', side);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'features')
    .map((entry) => entry.name)
    .sort();
}

function buildBoundaryZones() {
  const zones = [];
  for (const side of ['shared', 'web', 'server']) {
    // Everything in src/<side> (a core folder yet to be made is core), then the shell files,
    // then each folder on disk, then each feature (most specific).
    zones.push(...zone(side, [`src/${side}/**/*.${EXT}`], { side }));
    for (const file of SHELL_FILES[side] ?? []) {
      if (!file.includes('.')) continue;
      zones.push(
        ...zone(`${side}/${file}`, [`src/${side}/${file.replace(/\.[^.]+$/, '')}.${EXT}`], {
          side,
          folder: file,
        }),
      );
    }
    for (const folder of listFolders(side)) {
      zones.push(
        ...zone(`${side}/${folder}`, [`src/${side}/${folder}/**/*.${EXT}`], { side, folder }),
      );
    }
    for (const feature of listFeatures(side)) {
      zones.push(
        ...zone(`${side}/features/${feature}`, [`src/${side}/features/${feature}/**/*.${EXT}`], {
          side,
          folder: 'features',
          feature,
        }),
      );
    }
  }
  return zones;
}

/** Files allowed to read process.env: the config module and the tooling around the app. */
const ENV_READERS = [
  'src/server/config/**',
  'eslint.config.js',
  'vitest.config.ts',
  // The test runner decides what to run (SKIP_CHECK) and passes env to child processes.
  'scripts/test.ts',
];

/**
 * The architecture rules alone, without type information, so they can be checked fast on
 * virtual files (tests/helpers/lint-boundaries.test.ts lints snippets with only these).
 */
export const boundaries = [
  {
    name: 'boundaries/process-env',
    files: [`**/*.${EXT}`],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: MSG.processEnv },
      ],
      'no-restricted-imports': ['error', { patterns: [ENV_IMPORT_PATTERN] }],
    },
  },
  ...buildBoundaryZones(),
  {
    name: 'boundaries/process-env readers',
    files: ENV_READERS,
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    name: 'boundaries/process-env readers outside src',
    files: ENV_READERS.filter((glob) => !glob.startsWith('src/')),
    rules: { 'no-restricted-imports': 'off' },
  },
];

// ---------------------------------------------------------------------------
// The config
// ---------------------------------------------------------------------------

export default defineConfig(
  globalIgnores([
    'dist/',
    'data/',
    'node_modules/',
    '.tmp/',
    'coverage/',
    'test-results/',
    'src/server/db/migrations/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'project/type-information',
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
    },
  },
  {
    name: 'project/rules',
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX event handlers may be async (React ignores the returned promise by design).
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Fastify plugins and handlers are async by contract (the returned promise signals
      // completion), so an async function without `await` is normal there.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // A skipped or focused test is a test that does not run. Engine-specific tests are
    // registered with a plain `if` on the engine instead, so every test that exists runs.
    name: 'project/tests-always-run',
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(skip|only|skipIf|runIf|todo)$/]',
          message:
            'Tests must run: no skip, only, skipIf, runIf or todo. Register an engine-specific test with `if (engine === ...)`.',
        },
      ],
    },
  },
  {
    name: 'project/console-allowed',
    files: ['scripts/**', 'tests/bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain JavaScript (this file, the PGlite worker) is outside tsconfig.json: no type-aware
    // rules there. It runs on Node, so Node's own globals are its globals (TypeScript
    // checks undefined names in .ts files; here no-undef does).
    name: 'project/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: Object.fromEntries(
        Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']),
      ),
    },
  },
  ...boundaries,
);
