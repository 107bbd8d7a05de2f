import fc from 'fast-check';

/**
 * fast-check arbitraries built from the OpenAPI document (JSON Schema as
 * fastify-type-provider-zod writes it): values that fit the schema, mixed with hostile ones.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  $ref?: string;
}

/** Text PostgreSQL cannot hold, injection classics, and text of awkward sizes. */
export const hostileString = fc.constantFrom(
  '\u0000',
  'before\u0000after',
  '\ud800',
  'half \udfff pair',
  'emoji 💔 ok',
  "'; drop table users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '',
  ' ',
  '\u202e\u200b',
  'x'.repeat(5_000),
  'é'.repeat(70_000),
  'I want to die',
);

const hostileNumber = fc.constantFrom(
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  0.5,
  1e-300,
);

/** Any JSON-ish value of the wrong kind: where a schema says string, a number, and so on. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A path or query value: right-looking, wrong-looking and plainly hostile. */
export const hostileParam = fc.oneof(
  fc.uuid(),
  hostileString.map((s) => s.slice(0, 300)),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    '-1',
    '99999999999999999999',
    '1e308',
    'NaN',
    '2026-02-30',
    '0000-00-00',
    'eyJ0IjoiMjAyNi0wMS0wMSIsImkiOiJ4In0',
    '%',
    '..',
    'a/b',
  ),
  fc.string({ maxLength: 40 }),
);

function resolve(schema: JsonSchema, root: unknown): JsonSchema {
  if (!schema.$ref) return schema;
  const parts = schema.$ref.replace(/^#\//, '').split('/');
  let node: unknown = root;
  for (const part of parts) node = (node as Record<string, unknown>)?.[part];
  return (node as JsonSchema) ?? {};
}

function fitting(schema: JsonSchema, root: unknown, depth: number): fc.Arbitrary<unknown> {
  schema = resolve(schema, root);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((o) => valueFor(o, root, depth)));
  if (schema.allOf?.length) return valueFor(schema.allOf[0]!, root, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => fitting({ ...schema, type }, root, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 1000, 2 ** 31 - 1),
      });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 60 });
        } catch {
          return fc.string();
        }
      }
      return fc.string({
        minLength: Math.min(schema.minLength ?? 0, 50),
        maxLength: Math.min(schema.maxLength ?? 80, 80),
        unit: 'grapheme',
      });
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(valueFor(schema.items ?? {}, root, depth + 1), {
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      const model = Object.fromEntries(
        keys.map((key) => [key, valueFor(properties[key]!, root, depth + 1)]),
      );
      const required = (schema.required ?? []).filter((k) => keys.includes(k));
      return fc
        .tuple(
          fc.record(model, { requiredKeys: required }),
          fc.option(fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }), {
            freq: 4,
          }),
        )
        .map(([known, unknown]) => ({ ...(unknown ?? {}), ...known }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly a value that fits the schema; sometimes a hostile one in its place. */
export function valueFor(schema: JsonSchema, root: unknown, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fitting(schema, root, depth) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** A request body as sent on the wire: JSON of a generated value, or raw bytes that are not. */
export function bodyFor(
  schema: JsonSchema | undefined,
  root: unknown,
): fc.Arbitrary<string | undefined> {
  const raw = fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '"just a string"',
    '[1,2,3]',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    '['.repeat(5_000) + ']'.repeat(5_000),
    `{"a":${'{"b":'.repeat(40)}1${'}'.repeat(40)}}`,
    '\ufeff{}',
  );
  const generated = schema
    ? valueFor(schema, root).map((v) => JSON.stringify(v))
    : fc.constant(undefined);
  return fc.oneof(
    { weight: 12, arbitrary: generated },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
  );
}

/** Headers a client might send: conditional ones right and wrong, odd content types. */
export const headersArbitrary = fc.record(
  {
    'if-match': fc.constantFrom(
      '"1"',
      '"2"',
      '*',
      'W/"1"',
      '"999999999999"',
      '"-1"',
      'garbage',
      '"\u0000"',
    ),
    'if-none-match': fc.constantFrom('*', '"1"', 'nope'),
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
    ),
    accept: fc.constantFrom('text/html', '*/*', 'application/xml'),
  },
  { requiredKeys: [] },
);
