// ESLint flat config: type-aware typescript-eslint rules plus the import boundaries of
// docs (BRIEF §6). Prettier formats separately (`prettier --check .` in `npm test`), so no
// formatting rules live here.
//
// How the boundaries work
// -----------------------
// The code uses relative imports (no path aliases), so a rule has to tell where
// `../../x` lands from the file that wrote it. The core rule `no-restricted-imports`
// only sees the import string, so the zones below are generated per directory depth:
// a file N folders below `src/` reaches `src/<p>` with exactly N `../` segments, and the
// regexes are built from that count. Features are read from disk (`readdirSync`), so a
// new folder under `src/server/features` or `src/web/features` is covered without an edit.
//
// Flat config replaces (does not merge) a rule's options when two config objects match
// the same file. Each generated zone therefore carries the whole pattern list for its
// files, and zones go from general to specific so the most specific one wins.
// `tests/helpers/lint-boundaries.test.ts` proves each rule fires and that allowed imports pass.

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
  sharedImportsApp:
    'src/shared runs on both the server and in the browser, so it imports neither src/server nor src/web. Move the piece into src/shared, or pass it in as an argument.',
  webImportsServer:
    'src/web never imports src/server. Use the zod schemas and types in src/shared (src/shared/schemas/<feature>.ts) and call the API.',
  serverImportsWeb: 'src/server never imports src/web. Put what both sides need in src/shared.',
  crossFeature:
    "Features don't import each other. Move shared logic to the core (src/server/{policy,db,auth}, src/web/core, src/web/ui, src/shared) and let the app shell (src/server/app.ts, src/web/app) compose features.",
  dbDriver:
    'Only src/server/db talks to database drivers. Use openDatabase() and the Database type from src/server/db (drizzle-orm and drizzle-orm/pg-core are fine).',
  testImport:
    'Application code never imports test code. Test helpers stay in tests/; only *.test.ts files may use them.',
  processEnv: 'Read configuration through loadConfig() in src/server/config.',
  webShell:
    'Only the web shell (src/web/app: routes, layout, composition) imports the shell. Take data, session and hooks from src/web/core and components from src/web/ui; a page that needs another feature gets it as a prop from the shell.',
  webCoreLayer:
    'src/web/core and src/web/ui sit below the features: they import no feature. Move the shared piece into core (data, hooks) or ui (components), or let the shell pass it in.',
  webCoreBelowUi:
    'src/web/core holds data and hooks, no components: it never imports src/web/ui. Put the component in src/web/ui (ui may use core).',
  i18nAlone: 'src/web/i18n is the word catalog and t(); it imports no other part of src/web.',
};

// ---------------------------------------------------------------------------
// Pattern builders
// ---------------------------------------------------------------------------

/** Escapes a folder name for use inside a RegExp. */
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `^(\.\./){n}` : an import string that climbs exactly n folders. */
function up(n) {
  return `^(\\.\\./){${n}}`;
}

/**
 * Regex for an import that, written in a file `depth` folders below `src/`, lands in
 * `src/<target>` (target like `server` or `server|web`). Also catches the silly
 * `../../src/server` spelling that climbs one folder past `src`.
 */
function reachesSrcTop(depth, target) {
  return `${up(depth)}(\\.\\./src/)?(${target})(/|$)`;
}

/**
 * Regex for an import that, written in a file `depth` folders below `src/` and inside
 * `src/web`, lands in `src/web/<target>`: `depth - 1` climbs, or the long way round through
 * `web/` (or `src/web/`).
 */
function reachesWebPart(depth, target) {
  return `${up(depth - 1)}(\\.\\./(\\.\\./src/)?web/)?(${target})(/|$)`;
}

/**
 * The layers of the web app, lowest first: i18n, core (API client, query keys, session, space
 * hooks, drafts), ui (components; may use core), features, and the shell (src/web/app), which
 * alone composes features into routes and the layout.
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

/** Database drivers: bare specifiers, the same from every folder. */
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

/** Test files (by name, anywhere) and the root tests/ folder (depth+1 folders up). */
function testImportPatterns(depth) {
  return [
    { regex: '\\.test(\\.[cm]?[jt]sx?)?$', message: MSG.testImport },
    { regex: `${up(depth + 1)}tests(/|$)`, message: MSG.testImport },
  ];
}

/**
 * Imports from feature `name` (in `src/<side>/features/<name>/`, file `inner` folders
 * below the feature folder) into any other feature of the same side.
 */
function crossFeaturePatterns(side, name, inner) {
  const self = escapeRegex(name);
  return [
    // `../other/...` : climbs to features/ and steps into a sibling that is not `..`.
    { regex: `${up(inner + 1)}(?!(${self}|\\.\\.)(/|$))[^/]`, message: MSG.crossFeature },
    // `../../features/other`, `../../../<side>/features/other`, `…/src/<side>/features/other`
    {
      regex: `${up(inner + 2)}(\\.\\./(\\.\\./src/)?${side}/)?features/(?!${self}(/|$))`,
      message: MSG.crossFeature,
    },
  ];
}

function listFeatures(side) {
  const dir = path.join(ROOT, 'src', side, 'features');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Deepest folder under src/ today, plus headroom, so every real file falls in a zone. */
function maxSrcDepth() {
  const src = path.join(ROOT, 'src');
  let deepest = 0;
  if (fs.existsSync(src)) {
    for (const rel of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      deepest = Math.max(deepest, rel.split(path.sep).length);
    }
  }
  return Math.max(8, deepest + 2);
}

// ---------------------------------------------------------------------------
// Zones
// ---------------------------------------------------------------------------

/**
 * Everything a file under `src/` may not import, given where it sits.
 * `segments` are its folders below src (e.g. ['server', 'features', 'space', 'api']).
 */
function patternsFor(segments, { isTest }) {
  const depth = segments.length;
  const [top, second, third] = segments;
  const patterns = [];

  if (top === 'shared') {
    patterns.push({ regex: reachesSrcTop(depth, 'server|web'), message: MSG.sharedImportsApp });
  }
  if (top === 'web') {
    patterns.push({ regex: reachesSrcTop(depth, 'server'), message: MSG.webImportsServer });
    for (const [target, message] of WEB_LAYER_RULES[second] ?? []) {
      patterns.push({ regex: reachesWebPart(depth, target), message: MSG[message] });
    }
  }
  if (top === 'server') {
    patterns.push({ regex: reachesSrcTop(depth, 'web'), message: MSG.serverImportsWeb });
  }
  if (!(top === 'server' && second === 'db')) {
    patterns.push(DB_DRIVER_PATTERN);
  }
  if (!(top === 'server' && second === 'config')) {
    patterns.push(ENV_IMPORT_PATTERN);
  }
  // Test files may reach into tests/ (helpers, fixtures) and, to set up state, into
  // another feature's service; application code may do neither.
  if (!isTest) {
    patterns.push(...testImportPatterns(depth));
    if ((top === 'server' || top === 'web') && second === 'features' && third !== undefined) {
      patterns.push(...crossFeaturePatterns(top, third, depth - 3));
    }
  }
  return patterns;
}

const TEST_FILE = `*.test.${EXT}`;

/**
 * Two config objects for the files directly inside `src/<segments…>` (segments may
 * contain `*` for "any folder"): one for application files, one for test files.
 */
function zone(segments) {
  const dir = ['src', ...segments].join('/');
  const label = segments.join('/');
  const rule = (isTest) => ['error', { patterns: patternsFor(segments, { isTest }) }];
  return [
    {
      name: `boundaries/${label}`,
      files: [`${dir}/*.${EXT}`],
      ignores: [`${dir}/${TEST_FILE}`],
      rules: { 'no-restricted-imports': rule(false) },
    },
    {
      name: `boundaries/${label} (tests)`,
      files: [`${dir}/${TEST_FILE}`],
      rules: { 'no-restricted-imports': rule(true) },
    },
  ];
}

function stars(count) {
  return Array.from({ length: count }, () => '*');
}

function buildBoundaryZones() {
  const maxDepth = maxSrcDepth();
  const zones = [];

  // General zones: src/shared, src/web, src/server at every depth.
  for (const top of ['shared', 'web', 'server']) {
    for (let depth = 1; depth <= maxDepth; depth += 1) {
      zones.push(...zone([top, ...stars(depth - 1)]));
    }
  }
  // Core server folders with their own allowances (drivers in db, env in config).
  for (const core of ['db', 'config']) {
    for (let depth = 2; depth <= maxDepth; depth += 1) {
      zones.push(...zone(['server', core, ...stars(depth - 2)]));
    }
  }
  // The web layers below the shell (WEB_LAYER_RULES); features get theirs in the feature zones.
  for (const layer of ['i18n', 'core', 'ui']) {
    for (let depth = 2; depth <= maxDepth; depth += 1) {
      zones.push(...zone(['web', layer, ...stars(depth - 2)]));
    }
  }
  // One zone per feature and depth; these come last so they win over the general ones.
  for (const side of ['server', 'web']) {
    for (const feature of listFeatures(side)) {
      for (let depth = 3; depth <= maxDepth; depth += 1) {
        zones.push(...zone([side, 'features', feature, ...stars(depth - 3)]));
      }
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
