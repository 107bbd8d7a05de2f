import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The custom properties declared in the first block that follows `selector`. */
function declarations(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  expect(start, selector).toBeGreaterThan(-1);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

describe('the colour tokens', () => {
  it('give the same dark colours to a device in dark mode and to a person who chose Dark', () => {
    const byDevice = declarations(":root:not([data-theme='light'])");
    const byChoice = declarations(":root[data-theme='dark']");
    expect(Object.keys(byDevice).length).toBeGreaterThan(10);
    expect(byChoice).toEqual(byDevice);
  });

  it('give every dark colour a light one', () => {
    const light = declarations(':root {');
    for (const name of Object.keys(declarations(":root[data-theme='dark']"))) {
      expect(light, name).toHaveProperty(name);
    }
  });
});
