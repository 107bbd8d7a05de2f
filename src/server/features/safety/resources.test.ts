import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadSupportResources, ResourcesFileError } from './resources';

function fileWith(yaml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hh-resources-')), 'services.yaml');
  writeFileSync(file, yaml);
  return file;
}

const GOOD_SERVICE = `
      - name: Helpline
        kind: crisis
        contacts: [{ type: phone, value: '123' }]
        about: Day and night.
        verified: 2026-11-25
        source: https://example.org/`;

const BAD_SERVICE = `
      - name: Broken
        kind: crisis
        contacts: []
        about: No date.
        source: https://example.org/`;

const FILE = `
regions:
  - id: XA
    name: Testland
    countries: [XA]
    services:${GOOD_SERVICE}${BAD_SERVICE}
  - id: INTL
    name: Anywhere
    countries: []
    services:${GOOD_SERVICE}
`;

describe('the support resources file', () => {
  it('loads the real file, with the fallback region and every service sourced', () => {
    const resources = loadSupportResources({ strict: true });
    expect(resources.find('GB').id).toBe('GB');
    expect(resources.find('FR').id).toBe('EU');
    expect(resources.find(null).id).toBe('INTL');
    for (const region of resources.regions) expect(region.services.length).toBeGreaterThan(0);
  });

  it('stops the start in development, naming the entry and the field', () => {
    expect(() => loadSupportResources({ strict: true, file: fileWith(FILE) })).toThrow(
      /XA service 2: verified/,
    );
    expect(() => loadSupportResources({ strict: true, file: fileWith(FILE) })).toThrow(
      ResourcesFileError,
    );
  });

  it('skips a bad entry with a warning in production, keeping the good ones', () => {
    const warn = vi.fn();
    const resources = loadSupportResources({
      strict: false,
      file: fileWith(FILE),
      logger: { warn },
    });
    expect(resources.find('XA').services.map((s) => s.name)).toEqual(['Helpline']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses a file without the fallback region, even in production', () => {
    const file = fileWith(
      `regions:\n  - id: XA\n    name: T\n    countries: []\n    services: []\n`,
    );
    expect(() => loadSupportResources({ strict: false, file })).toThrow(/INTL/);
  });
});
