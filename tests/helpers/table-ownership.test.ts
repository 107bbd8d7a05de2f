import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schema from '#server/db/schema/index.ts';
import { FEATURES } from '#server/manifests.ts';
import {
  findForeignTables,
  foreignTablesInFeatures,
  knownTables,
  type KnownTable,
} from './table-ownership';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TABLES = knownTables(schema, FEATURES.ownerOf);

/**
 * Tables no manifest lists: the core's. Sign-in and accounts (auth), spaces and invites, the
 * therapist links and approvals the policy reads for every therapist rule, and the job outbox.
 * A new table must be listed by its feature's manifest, or added here with a reason.
 */
const CORE_TABLES = [
  'users',
  'sessions',
  'spaces',
  'memberships',
  'invites',
  'joint_work_holds',
  'therapist_profiles',
  'therapist_links',
  'therapist_approvals',
  'outbox',
  'account_tokens',
  'security_events',
  'rate_limits',
  'two_step_totp',
  'two_step_recovery_codes',
  'passkeys',
  'two_step_pending',
  'session_step_ups',
  'two_step_settings',
  // The events core (issue 12): every feature notifies and publishes through src/server/events.
  'notifications',
  'notification_preferences',
  'live_cursors',
  'live_events',
];

describe('features read only their own tables (issue 11, item 3)', () => {
  it('every table is owned by one feature manifest or is a core table', () => {
    const unowned = TABLES.filter((t) => t.owner === null).map((t) => t.sqlName);
    expect(unowned.sort()).toEqual([...CORE_TABLES].sort());
  });

  it("no feature names another feature's table", () => {
    const found = foreignTablesInFeatures(ROOT, TABLES).map(
      (u) =>
        `${u.file} names ${u.table}, which belongs to ${u.owner}: ask that feature's manifest (a query in FeatureQueries, a news source, a milestone or a shareable kind) instead.`,
    );
    expect(found).toEqual([]);
  });

  describe('the scanner itself', () => {
    const tables: KnownTable[] = [
      { name: 'injuries', sqlName: 'injuries', owner: 'injuries' },
      { name: 'impactLetters', sqlName: 'impact_letters', owner: 'impact-letter' },
      { name: 'users', sqlName: 'users', owner: null },
    ];
    const scan = (source: string, feature = 'program') =>
      findForeignTables(source, feature, 'x.ts', tables).map((u) => u.table);

    it('finds a Drizzle table imported from the schema', () => {
      expect(scan("import { impactLetters } from '#server/db/schema/index.ts';")).toHaveLength(1);
      expect(scan("import { impactLetters, users } from '../../db/schema';")).toEqual([
        'impactLetters',
      ]);
      expect(scan("import {\n  type injuries as i,\n} from '../../db/schema/injuries';")).toEqual([
        'injuries',
      ]);
    });

    it('finds a table named in SQL text', () => {
      expect(scan('sql`select 1 from injuries i where i.x = 1`')).toEqual(['injuries']);
      expect(scan('sql`select 1 from a join "impact_letters" l on true`')).toEqual([
        'impactLetters',
      ]);
    });

    it("passes a feature's own tables, core tables, comments and plain words", () => {
      expect(scan("import { injuries } from '../../db/schema';", 'injuries')).toEqual([]);
      expect(scan("import { users } from '../../db/schema';")).toEqual([]);
      expect(scan('// read from injuries here\n/* join impact_letters */')).toEqual([]);
      expect(scan("const title = 'My injuries';")).toEqual([]);
    });
  });
});
