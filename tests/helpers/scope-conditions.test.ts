import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findScopeConditions, scopeConditionsInFeatures } from './scope-conditions';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('policy is the only gate (issue 11, item 1)', () => {
  it('no feature writes its own scope condition on an owner column', () => {
    const found = scopeConditionsInFeatures(ROOT).map((f) => `${f.file}:${f.line} ${f.text}`);
    // Each line names the place; use ownRows, spaceRows, partnerRows, coupleRows, rowsOf,
    // ownItems, visibleItems, partnerSharedItems or othersVisibleItems from src/server/policy.
    expect(found).toEqual([]);
  });

  describe('the scanner itself', () => {
    const scan = (source: string) => findScopeConditions(source, 'x.ts').map((f) => f.text);

    it('finds drizzle comparisons of an owner column with a value', () => {
      expect(scan('where(eq(checkins.authorId, actor.userId))')).toEqual([
        'eq(checkins.authorId, actor.userId)',
      ]);
      expect(scan('and(ne(reflections.authorId, me), x)')).toEqual([
        'ne(reflections.authorId, me)',
      ]);
      expect(scan('eq(programReady.spaceId, actor.space.id)')).toHaveLength(1);
      expect(scan('inArray(checkins.authorId, authors)')).toHaveLength(1);
    });

    it('finds the same in SQL text, written either way round', () => {
      expect(scan('sql`where ${checkins.authorId} = ${me}`')).toEqual([
        '${checkins.authorId} = ${me}',
      ]);
      expect(scan('sql`where p.space_id = ${space}`')).toEqual(['p.space_id = ${space}']);
      expect(scan('sql`where ${me} = ${checkins.authorId}`')).toHaveLength(1);
    });

    it('finds the visibility vocabulary written out', () => {
      expect(scan("sql`${checkins.visibility} in ('partner', 'partner+therapist')`")).toHaveLength(
        2,
      );
      expect(scan('inArray(t.visibility, PARTNER)')).toHaveLength(1);
    });

    it('lets joins between two columns through', () => {
      expect(scan('leftJoin(therapistProfiles, eq(therapistProfiles.userId, users.id))')).toEqual(
        [],
      );
      expect(scan('sql`m.space_id = ${therapistLinks.spaceId}`')).toEqual([]);
      expect(scan('sql`author.id = ${messages.authorId}`')).toEqual([]);
      expect(
        scan('const pair = alias(checkins, "pair"); eq(pair.authorId, checkins.authorId)'),
      ).toEqual([]);
    });

    it('does not count plain JavaScript comparisons or policy calls', () => {
      expect(scan('const mine = row.authorId === actor.userId;')).toEqual([]);
      expect(
        scan('where(and(ownRows(actor, sessionPreps.userId), eq(sessionPreps.version, 2)))'),
      ).toEqual([]);
    });
  });
});
