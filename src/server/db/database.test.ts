import {
  eq,
  getTableName,
  is,
  sql,
  DrizzleQueryError,
  TransactionRollbackError,
} from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, schema, type DatabaseHandle } from './index';
import { hasPendingMigrations } from './migrations';
import { createTestDatabase } from './testing';

const { users, spaces, memberships } = schema;

/** The Postgres error Drizzle wrapped, as callers read it. */
function causeOf(error: unknown): Record<string, unknown> {
  expect(error).toBeInstanceOf(DrizzleQueryError);
  return (error as { cause: Record<string, unknown> }).cause;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

let counter = 0;
const newUser = (email = `person${++counter}@example.org`) => ({
  email,
  displayName: 'Sam',
  passwordHash: 'x',
});

describe.each(['pglite', 'postgres'] as const)('database on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  }, 30_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('reports its engine and answers ping', async () => {
    expect(handle.engine).toBe(engine);
    await expect(handle.ping()).resolves.toBeUndefined();
  });

  it('round-trips uuid as a string and timestamptz as the same Date', async () => {
    const expiresAt = new Date('2031-05-06T07:08:09.123Z');
    const [user] = await handle.db.insert(users).values(newUser()).returning();
    const [space] = await handle.db.insert(spaces).values({}).returning();
    const [row] = await handle.db
      .insert(memberships)
      .values({ userId: user!.id, spaceId: space!.id, leftAt: expiresAt })
      .returning();
    expect(typeof row!.id).toBe('string');
    expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(row!.joinedAt).toBeInstanceOf(Date);
    expect(Math.abs(row!.joinedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [read] = await handle.db.select().from(memberships).where(eq(memberships.id, row!.id));
    expect(read!.leftAt).toBeInstanceOf(Date);
    expect(read!.leftAt!.getTime()).toBe(expiresAt.getTime());
  });

  it('surfaces a unique violation as cause.code 23505 with the constraint and detail', async () => {
    await handle.db.insert(users).values(newUser('Dup@Example.org'));
    const error = await rejection(handle.db.insert(users).values(newUser('dup@example.org')));
    const cause = causeOf(error);
    expect(cause.code).toBe('23505');
    expect(cause.constraint).toBe('users_email_lower_key');
    expect(cause.table).toBe('users');
    expect(String(cause.detail)).toContain('dup@example.org');
    expect(cause).toBeInstanceOf(Error);
  });

  it('surfaces a foreign-key violation as 23503', async () => {
    const error = await rejection(
      handle.db
        .insert(memberships)
        .values({ userId: crypto.randomUUID(), spaceId: crypto.randomUUID() }),
    );
    expect(causeOf(error).code).toBe('23503');
  });

  it('commits a transaction', async () => {
    const email = `commit-${engine}@example.org`;
    const id = await handle.db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(newUser(email)).returning({ id: users.id });
      await tx.insert(spaces).values({});
      return user!.id;
    });
    const found = await handle.db.select().from(users).where(eq(users.id, id));
    expect(found.map((u) => u.email)).toEqual([email]);
  });

  it('rolls back on a thrown error and on tx.rollback()', async () => {
    const thrown = `thrown-${engine}@example.org`;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(users).values(newUser(thrown));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const explicit = `explicit-${engine}@example.org`;
    const error = await rejection(
      handle.db.transaction(async (tx) => {
        await tx.insert(users).values(newUser(explicit));
        tx.rollback();
      }),
    );
    expect(error).toBeInstanceOf(TransactionRollbackError);
    const rows = await queryRows<{ email: string }>(
      handle.db,
      sql`select email from users where email in (${thrown}, ${explicit})`,
    );
    expect(rows).toEqual([]);
  });

  it('reports a failing COMMIT the same way (deferred unique → cause.code 23505)', async () => {
    await handle.db.execute(
      sql`create table deferred_unique (x int unique deferrable initially deferred)`,
    );
    const error = await rejection(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into deferred_unique values (1), (1)`);
      }),
    );
    expect(causeOf(error).code).toBe('23505');
    await expect(
      queryRows(handle.db, sql`select count(*) as n from deferred_unique`),
    ).resolves.toEqual([{ n: '0' }]);
  });

  it('rolls back a nested transaction (savepoint) alone', async () => {
    const outer = `outer-${engine}@example.org`;
    const inner = `inner-${engine}@example.org`;
    await handle.db.transaction(async (tx) => {
      await tx.insert(users).values(newUser(outer));
      await expect(
        tx.transaction(async (nested) => {
          await nested.insert(users).values(newUser(inner));
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    const rows = await queryRows<{ email: string }>(
      handle.db,
      sql`select email from users where email in (${outer}, ${inner}) order by email`,
    );
    expect(rows).toEqual([{ email: outer }]);
  });

  it('returns execute() rows in the same shape: int8 as string, timestamps as text', async () => {
    const raw: unknown = await handle.db.execute(
      sql`select count(*) as n, 5::int8 as big, '2030-01-02T03:04:05Z'::timestamptz as at, '{"a":1}'::jsonb as doc`,
    );
    const result = raw as { rows: Record<string, unknown>[] };
    expect(Array.isArray(result.rows)).toBe(true);
    const [row] = result.rows;
    expect(row!.n).toBe('1');
    expect(row!.big).toBe('5');
    expect(typeof row!.at).toBe('string');
    expect(new Date(String(row!.at)).toISOString()).toBe('2030-01-02T03:04:05.000Z');
    expect(row!.doc).toEqual({ a: 1 });
  });

  it('never lets a query from outside leak into an open transaction', async () => {
    const insideEmail = `inside-${engine}@example.org`;
    const outsideEmail = `outside-${engine}@example.org`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let outsideSettled = false;
    let outside: Promise<unknown> | undefined;
    const transaction = handle.db
      .transaction(async (tx) => {
        await tx.insert(users).values(newUser(insideEmail));
        // A write and a read from outside while the transaction is open.
        outside = Promise.all([
          handle.db.insert(users).values(newUser(outsideEmail)),
          queryRows<{ n: string }>(
            handle.db,
            sql`select count(*) as n from users where email = ${insideEmail}`,
          ),
        ]).finally(() => (outsideSettled = true));
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (engine === 'pglite') expect(outsideSettled).toBe(false); // it waits: one connection
        await gate;
        throw new Error('roll it all back');
      })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    expect(await transaction).toBeInstanceOf(Error);
    const [, seen] = (await outside) as [unknown, { n: string }[]];
    // The outside read never saw the uncommitted row, and the outside write survived the rollback.
    expect(seen).toEqual([{ n: '0' }]);
    const rows = await queryRows<{ email: string }>(
      handle.db,
      sql`select email from users where email in (${insideEmail}, ${outsideEmail})`,
    );
    expect(rows).toEqual([{ email: outsideEmail }]);
  });

  it('knows whether migrations are pending (which makes the open take a backup first)', async () => {
    expect(await hasPendingMigrations(handle.db)).toBe(false);
    const probe = handle.db.transaction(async (tx) => {
      await tx.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at - 1`);
      expect(await hasPendingMigrations(tx)).toBe(true);
      await tx.execute(sql`drop table drizzle.__drizzle_migrations`);
      expect(await hasPendingMigrations(tx)).toBe(true);
      tx.rollback();
    });
    await expect(probe).rejects.toBeInstanceOf(TransactionRollbackError);
    expect(await hasPendingMigrations(handle.db)).toBe(false);
  });

  it('gives each test database its own empty, migrated schema', async () => {
    const other = await createTestDatabase(engine);
    try {
      expect(await other.db.select().from(users)).toEqual([]);
      const tables = await queryRows<{ table_name: string }>(
        other.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      // Exactly the tables the Drizzle schema declares: the migrations and the schema agree.
      const declared = Object.values(schema)
        .filter((value) => is(value, PgTable))
        .map((table) => getTableName(table))
        .sort();
      expect(declared).toEqual(expect.arrayContaining(['invites', 'memberships', 'users']));
      expect(tables.map((t) => t.table_name)).toEqual(declared);
    } finally {
      await other.close();
    }
    expect((await handle.db.select().from(users)).length).toBeGreaterThan(0);
  }, 30_000);
});

describe('closing', () => {
  it.each(['pglite', 'postgres'] as const)(
    'is idempotent on %s and later queries fail',
    async (engine) => {
      const handle = await createTestDatabase(engine);
      await Promise.all([handle.close(), handle.close()]);
      await handle.close();
      await expect(handle.ping()).rejects.toThrow();
    },
    30_000,
  );
});
