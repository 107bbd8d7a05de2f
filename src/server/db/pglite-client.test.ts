import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteWorkerClient } from './pglite-client';
import { testTemplateTarball } from './testing';
import type { DbLogger } from './types';

/** The PGlite-shaped surface itself, below Drizzle. */
describe('PGlite worker client', () => {
  const warnings: string[] = [];
  const logger: DbLogger = { info() {}, warn: (_obj, msg = '') => warnings.push(msg), error() {} };
  let client: PgliteWorkerClient;
  beforeAll(async () => {
    client = await PgliteWorkerClient.start({
      dataDir: 'memory://',
      loadDataDir: await testTemplateTarball(),
      logger,
      waitWarningMs: 200,
    });
  }, 30_000);
  afterAll(async () => {
    await client?.close();
  });

  it('runs parser functions on this side, for the types they name, in both row modes', async () => {
    const text = `select '2030-01-02 03:04:05+00'::timestamptz as at, 7 as n`;
    const parsers = { 1184: (value: string) => `parsed:${value}` };
    const objects = await client.query<{ at: string; n: number }>(text, [], { parsers });
    expect(objects.rows).toEqual([{ at: 'parsed:2030-01-02 03:04:05+00', n: 7 }]);
    const arrays = await client.query<unknown[]>(text, [], { parsers, rowMode: 'array' });
    expect(arrays.rows).toEqual([['parsed:2030-01-02 03:04:05+00', 7]]);
    // Without parsers: PGlite's own (timestamptz → Date).
    const plain = await client.query<{ at: Date }>(text);
    expect(plain.rows[0]!.at).toEqual(new Date('2030-01-02T03:04:05Z'));
    expect(plain.fields.map((f) => f.dataTypeID)).toEqual([1184, 23]);
  });

  it('passes parameters of every cloneable kind', async () => {
    const at = new Date('2031-02-03T04:05:06.789Z');
    const result = await client.query<{ at: Date; bytes: Uint8Array; list: number[]; big: string }>(
      'select $1::timestamptz as at, $2::bytea as bytes, $3::int4[] as list, $4::int8 as big',
      [at, new Uint8Array([1, 2, 255]), [1, 2, 3], 9007199254740993n],
    );
    const row = result.rows[0]!;
    expect(row.at.getTime()).toBe(at.getTime());
    expect([...row.bytes]).toEqual([1, 2, 255]);
    expect(row.list).toEqual([1, 2, 3]);
    expect(row.big).toBe('9007199254740993'); // int8 as text, exactly, like node-postgres
  });

  it('rejects what cannot cross the thread, and keeps working', async () => {
    await expect(client.query('select $1::text', [() => 1])).rejects.toThrow();
    await expect(client.query('select 1', [], { serializers: { 25: String } })).rejects.toThrow(
      /serializers/,
    );
    await expect(client.query<{ one: number }>('select 1 as one')).resolves.toMatchObject({
      rows: [{ one: 1 }],
    });
  });

  it('carries every Postgres error field across, on the pg-protocol DatabaseError', async () => {
    const error = (await client.query('select 1/0').catch((e: unknown) => e)) as Record<
      string,
      unknown
    >;
    expect(error).toBeInstanceOf(Error);
    expect(error.constructor.name).not.toBe('Error');
    expect(error).toMatchObject({
      code: '22012',
      severity: 'ERROR',
      routine: 'int4div',
      message: 'division by zero',
    });
    expect(error.query).toBeUndefined(); // the SQL and parameters stay out of errors (and logs)
  });

  it('commits, rolls back, and refuses a finished transaction', async () => {
    await client.exec('create table t (x int primary key)');
    await client.transaction(async (tx) => {
      await tx.query('insert into t values (1)');
      expect(tx.closed).toBe(false);
    });
    let saved: { query: (sql: string) => Promise<unknown>; closed: boolean } | undefined;
    const value = await client.transaction(async (tx) => {
      saved = tx;
      await tx.query('insert into t values (2)');
      await tx.rollback();
      return 'returned after rollback';
    });
    expect(value).toBe('returned after rollback');
    expect(saved!.closed).toBe(true);
    await expect(saved!.query('select 1')).rejects.toThrow('Transaction is closed');
    const rows = await client.query<{ x: number }>('select x from t order by x');
    expect(rows.rows).toEqual([{ x: 1 }]);
  });

  it('warns when a query waits behind an open transaction (use tx, not db)', async () => {
    let outside: Promise<unknown> | undefined;
    await client.transaction(async (tx) => {
      await tx.query('select 1');
      outside = client.query('select 2'); // the classic mistake: it waits for this very transaction
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    await expect(outside).resolves.toMatchObject({ rows: [{ '?column?': 2 }] });
    expect(warnings.some((w) => w.includes('use tx, not db'))).toBe(true);
  });
});
