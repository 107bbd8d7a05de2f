/**
 * Proves the import boundaries of BRIEF §6 fire (and that allowed imports pass) by linting
 * small snippets at realistic paths. Type-aware linting can't see virtual files, so this
 * uses only the `boundaries` export of eslint.config.js with a plain TypeScript parser, and
 * separately checks that the full config applies the very same rule options.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BOUNDARY_RULES = ['no-restricted-imports', 'no-restricted-properties'];

let boundaries: Linter.Config[];
/** Lints with the boundary rules only (no type information needed). */
let eslint: ESLint;
/** The real eslint.config.js, used only to compute configs (no linting, so no type program). */
let full: ESLint;

beforeAll(async () => {
  // A computed specifier keeps tsc from resolving the untyped .js config file.
  const configUrl = pathToFileURL(path.join(ROOT, 'eslint.config.js')).href;
  const config = (await import(configUrl)) as { boundaries: Linter.Config[] };
  boundaries = config.boundaries;
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      ...boundaries,
    ],
  });
  full = new ESLint({ cwd: ROOT });
});

/** Lints `code` as if it lived at `file` and returns the boundary messages. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.includes(m.ruleId))
    .map((m) => m.message);
}

const imp = (source: string) => `import { x } from '${source}';\nexport const y = x;\n`;

/** Each case: a file, the import it makes, and the words the message must contain (or null). */
type Case = [file: string, source: string, expected: string | null];

function check(cases: Case[]) {
  it.each(cases)('%s importing %s', async (file, source, expected) => {
    const messages = await violations(file, imp(source));
    if (expected === null) {
      expect(messages).toEqual([]);
    } else {
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(expected);
    }
  });
}

describe('src/shared imports neither server nor web', () => {
  check([
    ['src/shared/schemas/space.ts', '../../server/db/schema', 'src/shared runs on both'],
    ['src/shared/errors.ts', '../server/config/index', 'src/shared runs on both'],
    ['src/shared/errors.ts', '../web/ui/button', 'src/shared runs on both'],
    ['src/shared/schemas/space.ts', '../../../src/web/app/app', 'src/shared runs on both'],
    ['src/shared/schemas/space.ts', './common', null],
    ['src/shared/schemas/space.ts', '../errors', null],
    ['src/shared/schemas/space.ts', 'zod', null],
  ]);
});

describe('src/web never imports src/server', () => {
  check([
    ['src/web/features/space/api.ts', '../../../server/features/space/service', 'src/shared'],
    ['src/web/app/router.tsx', '../../server/app', 'Use the zod schemas'],
    ['src/web/main.tsx', '../server/config/index', 'Use the zod schemas'],
    ['src/web/features/space/api.ts', '../../../shared/schemas/space', null],
    ['src/web/app/router.tsx', '../ui/button', null],
  ]);
});

describe('src/server never imports src/web', () => {
  check([
    ['src/server/app.ts', '../web/app/router', 'src/server never imports src/web'],
    ['src/server/http/web.ts', '../../shared/errors', null],
  ]);
});

describe('the web shell sits on top: features, ui and core never import it', () => {
  check([
    // Features take data and hooks from the core, components from ui, never the shell.
    ['src/web/features/space/page.tsx', '../../app/layout', 'Only the web shell'],
    ['src/web/features/space/page.tsx', '../../app/navigation/nav-groups', 'Only the web shell'],
    ['src/web/features/space/parts/card.tsx', '../../../app/require-auth', 'Only the web shell'],
    ['src/web/features/space/page.tsx', '../../../web/app/app', 'Only the web shell'],
    ['src/web/features/space/page.tsx', '../../../../src/web/app/app', 'Only the web shell'],
    ['src/web/features/space/page.tsx', '../../core/api-client', null],
    ['src/web/features/space/parts/card.tsx', '../../../core/space', null],
    ['src/web/features/space/page.tsx', '../../ui/conflict-panel', null],
    // ui may use the core, but neither the shell nor a feature.
    ['src/web/ui/button.tsx', '../app/session', 'Only the web shell'],
    ['src/web/ui/button.tsx', '../features/space/api', 'sit below the features'],
    ['src/web/ui/step-up-form.tsx', '../core/step-up', null],
    ['src/web/ui/button.tsx', './class-names', null],
    // The core: data and hooks only, below ui, features and the shell.
    ['src/web/core/session.ts', '../app/query-client', 'Only the web shell'],
    ['src/web/core/session.ts', '../features/auth/api', 'sit below the features'],
    ['src/web/core/use-draft.ts', '../ui/button', 'never imports src/web/ui'],
    ['src/web/core/session.ts', './api-client', null],
    ['src/web/core/session.ts', '../i18n', null],
    ['src/web/core/session.ts', '../../shared/schemas/auth', null],
    // The word catalog imports no other part of the web app.
    ['src/web/i18n/index.ts', '../core/session', 'word catalog'],
    ['src/web/i18n/en/layout.ts', '../../app/layout', 'word catalog'],
    ['src/web/i18n/index.ts', './en/layout', null],
    // The shell composes everything.
    ['src/web/app/app.tsx', '../features/space/home-page', null],
    ['src/web/app/app.tsx', '../core/query-client', null],
    ['src/web/app/navigation/main-nav.tsx', '../../core/session', null],
    ['src/web/main.tsx', './app/app', null],
  ]);

  it('holds in the real tree: no feature, ui or core file imports the shell', async () => {
    const fs = await import('node:fs');
    const offenders: string[] = [];
    for (const part of ['features', 'ui', 'core', 'i18n']) {
      const dir = path.join(ROOT, 'src/web', part);
      for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.tsx?$/.test(rel)) continue;
        const file = path.join(dir, rel);
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']*)'/g)) {
          const target = path.resolve(path.dirname(file), match[1] ?? '');
          if (target.startsWith(path.join(ROOT, 'src/web/app') + path.sep)) {
            offenders.push(`${path.relative(ROOT, file)} → ${match[1]}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('features never import another feature', () => {
  check([
    ['src/server/features/space/service.ts', '../invites/service', "Features don't import"],
    ['src/server/features/space/api/routes.ts', '../../invites/service', "Features don't"],
    ['src/server/features/space/service.ts', '../../features/invites/repo', "Features don't"],
    ['src/server/features/space/service.ts', '../../../server/features/invites', "Features don't"],
    ['src/web/features/space/page.tsx', '../invites/api', "Features don't import"],
    ['src/web/features/space/parts/card.tsx', '../../auth/use-session', "Features don't"],
    // Its own feature, by any spelling.
    ['src/server/features/space/routes.ts', './service', null],
    ['src/server/features/space/routes.ts', '../space/service', null],
    ['src/server/features/space/api/routes.ts', '../service', null],
    ['src/server/features/space/api/routes.ts', '../../space/repo', null],
    ['src/server/features/space/routes.ts', '../../features/space/repo', null],
    // The core and shared code.
    ['src/server/features/space/service.ts', '../../policy/rules', null],
    ['src/server/features/space/service.ts', '../../db/index', null],
    ['src/server/features/space/service.ts', '../../auth/sessions', null],
    ['src/server/features/space/api/routes.ts', '../../../db/index', null],
    ['src/server/features/space/service.ts', '../../../shared/schemas/space', null],
    ['src/web/features/space/page.tsx', '../../ui/button', null],
    ['src/web/features/space/page.tsx', '../../../shared/schemas/space', null],
    // The app shells compose features.
    ['src/server/app.ts', './features/space/routes', null],
    ['src/web/app/routes.tsx', '../features/space/page', null],
  ]);

  it('covers every feature folder on disk, including new ones', async () => {
    const fs = await import('node:fs');
    for (const side of ['server', 'web']) {
      const dir = path.join(ROOT, 'src', side, 'features');
      if (!fs.existsSync(dir)) continue;
      const features = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      for (const feature of features) {
        const file = `src/${side}/features/${feature}/x.ts`;
        expect(await violations(file, imp('../some-other-feature/x')), file).toHaveLength(1);
      }
    }
  });

  it('lets test files set up state through another feature', async () => {
    const file = 'src/server/features/invites/invites.int.test.ts';
    expect(await violations(file, imp('../space/service'))).toEqual([]);
  });
});

describe('only src/server/db imports database drivers', () => {
  const drivers = [
    'pg',
    '@electric-sql/pglite',
    '@electric-sql/pglite/worker',
    'drizzle-orm/pglite',
    'drizzle-orm/node-postgres',
    'drizzle-orm/node-postgres/driver',
  ];
  check([
    ...drivers.map((d): Case => ['src/server/features/space/repo.ts', d, 'openDatabase()']),
    ['src/server/jobs/outbox.ts', 'pg', 'openDatabase()'],
    ['src/shared/schemas/space.ts', 'pg', 'openDatabase()'],
    ...drivers.map((d): Case => ['src/server/db/index.ts', d, null]),
    ['src/server/db/worker/rpc.ts', '@electric-sql/pglite', null],
    ['src/server/features/space/repo.ts', 'drizzle-orm', null],
    ['src/server/features/space/repo.ts', 'drizzle-orm/pg-core', null],
    ['src/server/features/space/repo.ts', 'pg-boss', null],
  ]);
});

describe('no test code in application code', () => {
  check([
    ['src/server/app.ts', '../../tests/helpers/server', 'Test helpers stay in tests/'],
    ['src/server/features/space/service.ts', '../../../../tests/fixtures/x', 'stay in tests/'],
    ['src/server/app.ts', './app.test', 'Test helpers stay in tests/'],
    ['src/web/ui/button.tsx', './button.test.tsx', 'Test helpers stay in tests/'],
    ['src/server/app.test.ts', '../../tests/helpers/server', null],
    ['src/server/features/space/space.int.test.ts', '../../../../tests/helpers/db', null],
    ['src/server/app.ts', './latest', null],
  ]);
});

describe('only src/server/config reads process.env', () => {
  const readEnv = 'export const port = process.env.PORT;\n';
  const destructure = 'const { env } = process;\nexport const port = env.PORT;\n';
  const named = "import { env } from 'node:process';\nexport const port = env.PORT;\n";

  it.each([
    ['src/server/app.ts', readEnv],
    ['src/server/app.ts', destructure],
    ['src/server/app.ts', named],
    ['src/server/db/index.ts', readEnv],
    ['src/web/main.tsx', readEnv],
    ['src/server/features/space/service.test.ts', readEnv],
    ['tests/helpers/db.ts', readEnv],
    ['tests/helpers/db.ts', named],
    ['scripts/migrate.ts', readEnv],
  ])('%s is refused', async (file, code) => {
    const messages = await violations(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('loadConfig() in src/server/config');
  });

  it.each([
    ['src/server/config/index.ts', readEnv],
    ['src/server/config/index.ts', named],
    ['src/server/config/index.test.ts', readEnv],
    ['scripts/test.ts', readEnv],
    ['vitest.config.ts', readEnv],
  ])('%s is allowed', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});

describe('the full config applies the same boundary options', () => {
  it.each([
    'src/shared/schemas/space.ts',
    'src/web/features/space/page.tsx',
    'src/web/app/router.tsx',
    'src/web/core/session.ts',
    'src/web/ui/button.tsx',
    'src/web/i18n/en/layout.ts',
    'src/server/features/space/api/routes.ts',
    'src/server/features/space/space.int.test.ts',
    'src/server/db/index.ts',
    'src/server/config/index.ts',
    'tests/helpers/db.ts',
    'scripts/test.ts',
  ])('%s', async (file) => {
    const absolute = path.join(ROOT, file);
    const [fullConfig, subsetConfig] = (await Promise.all([
      full.calculateConfigForFile(absolute),
      eslint.calculateConfigForFile(absolute),
    ])) as [Linter.Config, Linter.Config];
    for (const rule of BOUNDARY_RULES) {
      expect(fullConfig.rules?.[rule], rule).toEqual(subsetConfig.rules?.[rule]);
    }
  });
});
