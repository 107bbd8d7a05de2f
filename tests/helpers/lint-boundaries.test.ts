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

describe('relative imports stay inside their folder', () => {
  check([
    ['src/server/features/space/service.ts', '../invites/service', 'Reach another folder'],
    ['src/server/features/space/api/routes.ts', '../service', 'Reach another folder'],
    ['src/web/ui/button.tsx', '../core/api-client', 'Reach another folder'],
    ['src/shared/schemas/space.ts', '..', 'Reach another folder'],
    ['src/shared/schemas/space.ts', './common', null],
    ['src/web/features/space/page.tsx', './space-page.module.css', null],
  ]);
});

describe('src/shared imports neither server nor web', () => {
  check([
    ['src/shared/schemas/space.ts', '#server/db/schema/index.ts', 'src/shared runs on both'],
    ['src/shared/errors.ts', '#server/config/index.ts', 'src/shared runs on both'],
    ['src/shared/errors.ts', '#web/ui/button.tsx', 'src/shared runs on both'],
    ['src/shared/schemas/space.ts', '#shared/errors.ts', null],
    ['src/shared/schemas/space.ts', 'zod', null],
  ]);
});

describe('src/web never imports src/server', () => {
  check([
    ['src/web/features/space/api.ts', '#server/features/space/service.ts', 'src/shared'],
    ['src/web/app/router.tsx', '#server/app.ts', 'Use the zod schemas'],
    ['src/web/main.tsx', '#server/config/index.ts', 'Use the zod schemas'],
    ['src/web/features/space/api.ts', '#shared/schemas/space.ts', null],
    ['src/web/app/router.tsx', '#web/ui/button.tsx', null],
  ]);
});

describe('src/server never imports src/web', () => {
  check([
    ['src/server/app.ts', '#web/app/router.tsx', 'src/server never imports #web'],
    ['src/server/http/web.ts', '#shared/errors.ts', null],
  ]);
});

describe('features never import another feature, and the core imports no feature', () => {
  check([
    ['src/server/features/space/service.ts', '#server/features/invites/service.ts', 'import each'],
    ['src/server/features/space/api/routes.ts', '#server/features/invites/x.ts', 'import each'],
    ['src/web/features/space/page.tsx', '#web/features/invites/api.ts', "Features don't import"],
    ['src/web/features/space/parts/card.tsx', '#web/features/auth/x.ts', "Features don't"],
    // A feature whose name starts like another's is still another feature.
    ['src/server/features/space/service.ts', '#server/features/spaces/x.ts', 'import each'],
    // Its own feature, by any spelling.
    ['src/server/features/space/routes.ts', './service', null],
    ['src/server/features/space/api/routes.ts', '#server/features/space/service.ts', null],
    // The core and shared code.
    ['src/server/features/space/service.ts', '#server/policy/rules.ts', null],
    ['src/server/features/space/service.ts', '#server/db/index.ts', null],
    ['src/server/features/space/service.ts', '#shared/schemas/space.ts', null],
    ['src/web/features/space/page.tsx', '#web/ui/button.tsx', null],
    ['src/web/features/space/page.tsx', '#web/core/api-client.ts', null],
    // The core composes nothing; the app shells compose features.
    ['src/server/policy/rules.ts', '#server/features/space/service.ts', 'The core does not'],
    ['src/server/app.ts', '#server/features/space/routes.ts', null],
    ['src/web/app/routes.tsx', '#web/features/space/page.tsx', null],
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
        const other = `#${side}/features/some-other-feature/x.ts`;
        expect(await violations(file, imp(other)), file).toHaveLength(1);
      }
    }
  });

  it('lets test files set up state through another feature', async () => {
    const file = 'src/server/features/invites/invites.int.test.ts';
    expect(await violations(file, imp('#server/features/space/service.ts'))).toEqual([]);
  });
});

describe('the web shell sits on top: features, ui and core never import it', () => {
  check([
    // Features take data and hooks from the core, components from ui, never the shell.
    ['src/web/features/space/page.tsx', '#web/app/layout.tsx', 'Only the web shell'],
    ['src/web/features/space/page.tsx', '#web/app/navigation/nav-groups.ts', 'Only the web shell'],
    ['src/web/features/space/parts/card.tsx', '#web/app/require-auth.tsx', 'Only the web shell'],
    ['src/web/features/space/page.tsx', '#web/core/api-client.ts', null],
    ['src/web/features/space/parts/card.tsx', '#web/core/space.ts', null],
    ['src/web/features/space/page.tsx', '#web/ui/conflict-panel.tsx', null],
    // ui may use the core, but neither the shell nor a feature.
    ['src/web/ui/button.tsx', '#web/app/app.tsx', 'Only the web shell'],
    ['src/web/ui/button.tsx', '#web/features/space/api.ts', 'sit below the features'],
    ['src/web/ui/step-up-form.tsx', '#web/core/step-up.ts', null],
    ['src/web/ui/button.tsx', './class-names', null],
    // The core: data and hooks only, below ui, features and the shell.
    ['src/web/core/session.ts', '#web/app/app.tsx', 'Only the web shell'],
    ['src/web/core/session.ts', '#web/features/auth/x.ts', 'sit below the features'],
    ['src/web/core/use-draft.ts', '#web/ui/button.tsx', 'never imports src/web/ui'],
    ['src/web/core/session.ts', './api-client', null],
    ['src/web/core/session.ts', '#web/i18n/index.ts', null],
    ['src/web/core/session.ts', '#shared/schemas/auth.ts', null],
    // The word catalog imports no other part of the web app.
    ['src/web/i18n/index.ts', '#web/core/session.ts', 'word catalog'],
    ['src/web/i18n/en/layout.ts', '#web/app/layout.tsx', 'word catalog'],
    ['src/web/i18n/index.ts', './en/layout', null],
    // The shell composes everything.
    ['src/web/app/app.tsx', '#web/features/space/home-page.tsx', null],
    ['src/web/app/app.tsx', '#web/core/query-client.ts', null],
    ['src/web/app/navigation/main-nav.tsx', '#web/core/session.ts', null],
    ['src/web/main.tsx', '#web/app/app.tsx', null],
  ]);
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
    ['src/server/app.ts', '#server/tests/helpers/server.ts', 'Test helpers stay in tests/'],
    ['src/server/features/space/service.ts', 'tests/fixtures/x', 'stay in tests/'],
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
