import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-body';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('jsonDepthExceeds', () => {
  it('allows a form-shaped body and refuses one level past the cap', () => {
    expect(jsonDepthExceeds('{"a":{"b":[1,{"c":"d"}]}}')).toBe(false);
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonDepthExceeds(nested(5_000))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ note: '['.repeat(500) }))).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ note: '\\"' + '{'.repeat(500) }))).toBe(false);
    expect(jsonDepthExceeds(`{"a":"\\\\"${'['.repeat(40)}`)).toBe(true);
  });
});
