import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { loadAllWords, t } from './index';

describe('words loaded in two steps', () => {
  it('together hold exactly the whole catalog', async () => {
    const { featureWords } = await import('./feature-words');
    const { core } = await import('./en');
    const { layout } = await import('./en/layout');
    const { safety } = await import('./en/safety');
    expect({ ...core, ...layout, ...safety, ...featureWords }).toEqual(en);
  });

  it('give every message of the catalog once all are loaded', async () => {
    await loadAllWords();
    // Looked up by a key read at run time; the parameters of a message are left in place.
    const lookUp = t as (key: MessageKey) => string;
    for (const [key, text] of Object.entries(en)) {
      expect(lookUp(key as MessageKey)).toBe(text);
    }
  });
});
