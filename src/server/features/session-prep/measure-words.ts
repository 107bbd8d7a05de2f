import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * The words a printed weekly check-in needs: its title, and the title and band words of its total
 * and subscales. Read from the same content files the measures feature checks at start (this
 * feature never imports that one); anything missing falls back to plain ids, never an error.
 */
export interface MeasureWords {
  title: string;
  scales: Map<string, { title: string; bands: Map<string, string> }>;
}

const DEFAULT_DIR = path.resolve(import.meta.dirname, '../../../../content/measures');

interface RawScale {
  id?: unknown;
  title?: unknown;
  bands?: { id?: unknown; label?: unknown }[];
}

function scaleWords(raw: RawScale | undefined, fallback: string) {
  const bands = new Map<string, string>();
  for (const band of Array.isArray(raw?.bands) ? raw.bands : []) {
    if (typeof band.id === 'string' && typeof band.label === 'string')
      bands.set(band.id, band.label);
  }
  return { title: typeof raw?.title === 'string' ? raw.title : fallback, bands };
}

export function loadMeasureWords(dir: string = DEFAULT_DIR): Map<string, MeasureWords> {
  const words = new Map<string, MeasureWords>();
  if (!existsSync(dir)) return words;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    try {
      const raw = parseYaml(readFileSync(path.join(dir, file), 'utf8')) as {
        id?: unknown;
        title?: unknown;
        total?: RawScale;
        subscales?: RawScale[];
      };
      if (typeof raw.id !== 'string') continue;
      const scales = new Map<string, { title: string; bands: Map<string, string> }>();
      scales.set('total', scaleWords(raw.total, 'Total'));
      for (const sub of Array.isArray(raw.subscales) ? raw.subscales : []) {
        if (typeof sub.id === 'string') scales.set(sub.id, scaleWords(sub, sub.id));
      }
      words.set(raw.id, { title: typeof raw.title === 'string' ? raw.title : raw.id, scales });
    } catch {
      // The measures feature stops the start on a bad file; here a bad file only loses its words.
    }
  }
  return words;
}
