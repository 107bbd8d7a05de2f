import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { STORABLE_TEXT, text, UNSTORABLE_TEXT_MESSAGE } from './common';

type AnySchema = z.core.$ZodType;

const isSchema = (value: unknown): value is AnySchema =>
  typeof value === 'object' && value !== null && '_zod' in value;

/**
 * Every string schema reachable from `root` (object shapes, arrays, unions, records' keys and
 * values, optional/nullable/default wrappers, pipes, lazies), with the path that reaches it.
 */
function stringsIn(root: AnySchema, rootName: string): { where: string; schema: AnySchema }[] {
  const found: { where: string; schema: AnySchema }[] = [];
  const seen = new Set<AnySchema>();
  const stack: { where: string; schema: AnySchema }[] = [{ where: rootName, schema: root }];
  while (stack.length > 0) {
    const { where, schema } = stack.pop()!;
    if (seen.has(schema)) continue;
    seen.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'string') found.push({ where, schema });
    if (def.type === 'lazy') {
      stack.push({ where, schema: (def.getter as () => AnySchema)() });
      continue;
    }
    for (const [key, value] of Object.entries(def)) {
      if (key === 'checks') continue;
      if (isSchema(value)) stack.push({ where: `${where}.${key}`, schema: value });
      else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isSchema(item)) stack.push({ where: `${where}.${key}[${i}]`, schema: item });
        });
      } else if (key === 'shape' && value && typeof value === 'object') {
        for (const [field, inner] of Object.entries(value)) {
          if (isSchema(inner)) stack.push({ where: `${where}.${field}`, schema: inner });
        }
      }
    }
  }
  return found;
}

const SCHEMA_DIR = import.meta.dirname;
const modules = readdirSync(SCHEMA_DIR).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
);

async function everyExportedSchema(): Promise<{ name: string; schema: AnySchema }[]> {
  const all: { name: string; schema: AnySchema }[] = [];
  for (const file of modules) {
    const exports = (await import(path.join(SCHEMA_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isSchema(value)) all.push({ name: `${file}:${name}`, schema: value });
    }
  }
  return all;
}

describe('text fields', () => {
  it('refuse NUL and lone surrogates with our message, and keep emoji and accents', () => {
    const field = text({ max: 20 });
    for (const bad of ['a\u0000b', '\u0000', 'x\ud800', '\udc00y', 'ok\ud83d']) {
      const result = field.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
    }
    for (const good of ['café', 'I feel 😔 today', 'two\nlines\ttab', '']) {
      expect(field.safeParse(good).success, good).toBe(true);
    }
  });

  it('every string in src/shared/schemas is a text() field or a format that refuses NUL', async () => {
    const schemas = await everyExportedSchema();
    expect(schemas.length).toBeGreaterThan(100);
    const bare: string[] = [];
    let checked = 0;
    for (const { name, schema } of schemas) {
      for (const { where, schema: string } of stringsIn(schema, name)) {
        checked += 1;
        const def = string._zod.def as { checks?: unknown[]; format?: string };
        if (def.format !== undefined) {
          // A string format (uuid, email, date) has its own pattern; it must still refuse NUL.
          if ((string as z.ZodType).safeParse('\u0000').success) bare.push(where);
        } else if (!def.checks?.includes(STORABLE_TEXT)) bare.push(where);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(bare, 'use text() from ./common instead of z.string()').toEqual([]);
  });

  it('the walk finds a bare z.string() however deep it sits', () => {
    const sneaky = z.object({
      a: z.array(z.union([z.int(), z.object({ b: z.string().optional() })])),
      ok: text(),
    });
    const strings = stringsIn(sneaky, 'sneaky');
    expect(strings).toHaveLength(2);
    expect(
      strings.filter(
        ({ schema }) =>
          !(schema._zod.def as { checks?: unknown[] }).checks?.includes(STORABLE_TEXT),
      ),
    ).toHaveLength(1);
  });
});
