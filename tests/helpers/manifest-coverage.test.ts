import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkins } from '#server/db/schema/index.ts';
import { FEATURE_MANIFESTS } from '#server/manifests.ts';
import { composeFeatures, type FeatureManifest } from '#server/policy/manifest.ts';
import { ACCESS_ITEM_KINDS } from '#shared/schemas/access-log.ts';
import { COMMENT_ITEM_KINDS } from '#shared/schemas/comments.ts';
import { PRACTICE_ITEM_KINDS } from '#shared/schemas/practice.ts';
import { ZMilestoneKey } from '#shared/schemas/progress.ts';
import { PREP_KINDS } from '#shared/schemas/session-prep.ts';
import { ZNewsKind } from '#shared/schemas/today.ts';
import { CORE_ROW_FILES, ROW_FILES } from '../integration/authz/rows';
import { CANARY_FILES, CORE_CANARY_STEPS } from '../integration/canary/steps';
import { whatIsMissing, type CoverageFacts } from './manifest-coverage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const FACTS: CoverageFacts = {
  featureFolders: readdirSync(path.join(ROOT, 'src/server/features'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name),
  canaryFiles: new Map([...CANARY_FILES].map(([name, steps]) => [name, steps.length])),
  rowFiles: new Map(
    [...ROW_FILES].map(([name, lists]) => [name, lists.length === 1 ? lists[0]!.length : -1]),
  ),
  coreCanary: CORE_CANARY_STEPS,
  coreRows: CORE_ROW_FILES,
  sharedKinds: [...new Set([...PREP_KINDS, ...PRACTICE_ITEM_KINDS])],
  therapistKinds: ACCESS_ITEM_KINDS,
  newsKinds: ZNewsKind.options,
  // `started` and `together` are progress's own, not a feature's.
  milestones: ZMilestoneKey.options.filter((key) => key !== 'started' && key !== 'together'),
  commentKinds: COMMENT_ITEM_KINDS,
};

describe('feature manifests (issue 11, item 3)', () => {
  it('every feature, shareable kind, news kind and milestone has what it needs', () => {
    // Each line says what is missing and where to add it.
    expect(whatIsMissing(FEATURE_MANIFESTS, FACTS)).toEqual([]);
  });

  it('only the shell imports the registry; features get the whole through ServerContext', () => {
    const importers = readdirSync(path.join(ROOT, 'src/server'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) =>
        /from '(?:[./]*|#server\/)manifests(?:\.ts)?'/.test(
          readFileSync(path.join(ROOT, 'src/server', file), 'utf8'),
        ),
      );
    expect(importers).toEqual(['app.ts']);
  });

  it('every presenter gives a title and lines for a row with no content', () => {
    for (const kind of FEATURE_MANIFESTS.flatMap((m) => m.shareable ?? [])) {
      const row = {
        kind: kind.kind,
        id: '00000000-0000-4000-8000-000000000000',
        author_id: '00000000-0000-4000-8000-000000000001',
        space_id: '00000000-0000-4000-8000-000000000002',
        at: '2026-01-01 00:00:00+00',
        day: null,
        title: null,
        therapist_shared_at: null,
        body: null,
      };
      const presented = kind.present(row, { measures: new Map() });
      expect(Array.isArray(presented.parts), kind.kind).toBe(true);
    }
  });

  describe('the check itself', () => {
    const present = () => ({ title: null, parts: [] });
    const lonely: FeatureManifest = {
      name: 'notes',
      tables: [],
      shareable: [
        {
          kind: 'checkin',
          title: 'a note',
          table: checkins,
          therapist: true,
          comments: false,
          branch: () => sql`select 1`,
          present,
        },
      ],
      tests: { canary: null, authz: 'notes' },
    };
    const facts: CoverageFacts = {
      ...FACTS,
      featureFolders: ['notes', 'diary'],
      canaryFiles: new Map([['stray', 1]]),
      rowFiles: new Map(),
      coreCanary: [],
      coreRows: [],
      sharedKinds: ['checkin', 'agreement'],
      therapistKinds: ['checkin'],
      newsKinds: ['checkin'],
      milestones: ['first_note'],
      commentKinds: ['agreement'],
    };

    it('names each thing a newcomer forgot, in words', () => {
      expect(whatIsMissing([lonely], facts)).toEqual([
        'The feature "diary" has no manifest: write src/server/features/diary/manifest.ts and list it in src/server/manifests.ts.',
        'The feature "notes" names the authorization rows "notes", but tests/integration/authz/notes.rows.ts does not exist or holds no list of rows.',
        'The shareable kind "checkin" (a note, feature "notes") has no canary step: write tests/integration/canary/notes.ts, sending a canary word through every route of the kind, and name it in the manifest\'s tests.canary.',
        'The shareable kind "checkin" (a note, feature "notes") has no authorization rows: write tests/integration/authz/notes.rows.ts with a row per route, and name it in the manifest\'s tests.authz.',
        'The shareable kind "checkin" (a note, feature "notes") may be shared with a therapist but has no accessDate: the access log could not name the item.',
        "tests/integration/canary/stray.ts is named by no manifest, so it never runs: name it in its feature's manifest (tests.canary).",
        'The API knows the shared kind "agreement", but no feature manifest declares it (with its table, branch and presenter).',
        'Today knows the news kind "checkin", but no feature manifest counts it (news).',
        'Progress knows the milestone "first_note", but no feature manifest finds it.',
        'The API knows the commentable kind "agreement", but no manifest says it can carry comments (a shareable kind\'s comments flag, or commentable).',
      ]);
    });

    it('notices a kind without a presenter', () => {
      const bare = {
        ...lonely,
        shareable: [{ ...lonely.shareable![0]!, present: undefined as unknown as typeof present }],
      };
      expect(whatIsMissing([bare], facts)).toContain(
        'The shareable kind "checkin" (a note, feature "notes") has no presenter: give it present(row, words) in its manifest.',
      );
    });

    it('refuses two manifests that declare one kind, and a query nobody answers', () => {
      expect(() => composeFeatures([...FEATURE_MANIFESTS, { ...lonely, name: 'x' }])).toThrow(
        'shareable kind checkin is declared by both checkins and x.',
      );
      expect(() => composeFeatures([lonely])).toThrow(/No feature manifest answers the queries/);
    });
  });
});
