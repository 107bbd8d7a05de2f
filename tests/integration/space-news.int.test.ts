import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/server/db';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

/**
 * Decision 0045: spaces.last_shared_at, moved forward by the `space_touched` trigger, lets the
 * today screen answer "nothing new" without counting anything. These tests hold the trigger to
 * every table it must cover and the mark to every write; today.int.test.ts holds the answers.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY = new Date().toISOString().slice(0, 10);

async function markOf(userId: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(
    t.database.db,
    sql`select s.last_shared_at as at from spaces s
      join memberships m on m.space_id = s.id and m.left_at is null
      where m.user_id = ${userId}::uuid`,
  );
  return row?.at ? new Date(row.at) : null;
}

describe('the space news mark', () => {
  it('is kept by a trigger on every table whose rows belong to a space', async () => {
    const tables = await queryRows<{ table_name: string; covered: boolean }>(
      t.database.db,
      sql`select c.table_name,
          exists (select 1 from pg_trigger g join pg_class k on k.oid = g.tgrelid
            where k.relname = c.table_name and g.tgname = 'space_touched' and not g.tgisinternal)
            as covered
        from information_schema.columns c
        join information_schema.tables b on b.table_schema = c.table_schema
          and b.table_name = c.table_name and b.table_type = 'BASE TABLE'
        where c.table_schema = current_schema() and c.column_name in ('space_id', 'link_id')
        group by c.table_name order by c.table_name`,
    );
    // The shareable kinds are among them; a table added without the trigger is named here.
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['checkins', 'messages', 'trigger_entries', 'injuries']),
    );
    expect(tables.filter((r) => !r.covered).map((r) => r.table_name)).toEqual([]);
  });

  it('moves forward to at least the time of each share, and never back', async () => {
    const { a, b } = await createCouple(t);
    const before = await markOf(a.userId);
    expect(before).not.toBeNull(); // joining the space is a write in it

    const put = await b.put(`/api/checkins/mine/${DAY}`, {
      feelings: ['hurt'],
      intensity: 2,
      pain: 3,
      triggers: '',
      needs: '',
      note: 'a quiet day',
    });
    const { checkin } = put.json<{ checkin: { id: string } }>();
    expectStatus(await b.post(`/api/checkins/${checkin.id}/share`), 200);
    const [shared] = await queryRows<{ at: string | Date }>(
      t.database.db,
      sql`select shared_at as at from checkins where id = ${checkin.id}::uuid`,
    );
    const afterShare = await markOf(a.userId);
    expect(afterShare!.getTime()).toBeGreaterThanOrEqual(new Date(shared!.at).getTime());
    expect(afterShare!.getTime()).toBeGreaterThanOrEqual(before!.getTime());

    // A time written into the row that is later than the clock moves the mark that far.
    const later = new Date(Date.now() + 60_000);
    await t.database.db.execute(
      sql`update checkins set shared_at = ${later.toISOString()}::timestamptz
        where id = ${checkin.id}::uuid`,
    );
    expect((await markOf(b.userId))!.getTime()).toBeGreaterThanOrEqual(later.getTime());

    // Reading changes nothing.
    const mark = await markOf(a.userId);
    expectStatus(await a.get(`/api/today?day=${DAY}`), 200);
    expect(await markOf(a.userId)).toEqual(mark);
  });

  it('answers "nothing new" after I looked, and news again as soon as my partner shares', async () => {
    const { a, b } = await createCouple(t);
    expectStatus(await a.post('/api/today/seen', { at: new Date().toISOString() }), 200);
    const quiet = await a.get(`/api/today?day=${DAY}`);
    expect(quiet.json<{ news: unknown[] }>().news).toEqual([]);

    const put = await b.put(`/api/checkins/mine/${DAY}`, {
      feelings: ['hurt'],
      intensity: 2,
      pain: 3,
      triggers: '',
      needs: '',
      note: 'shared after you looked',
    });
    const { checkin } = put.json<{ checkin: { id: string } }>();
    expectStatus(await b.post(`/api/checkins/${checkin.id}/share`), 200);
    const news = (await a.get(`/api/today?day=${DAY}`)).json<{ news: { kind: string }[] }>().news;
    expect(news.map((n) => n.kind)).toEqual(['checkin']);
  });
});
