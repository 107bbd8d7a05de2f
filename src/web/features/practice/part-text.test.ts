import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllWords } from '#web/i18n/index.ts';
import { partText } from './part-text';

// The feature's words come with its page; here they are loaded up front.
beforeAll(loadAllWords);

describe('a shared item’s parts, as the therapist reads them', () => {
  it('names feelings with the words the partner chose them by', () => {
    expect(partText({ key: 'feelings', text: 'hurt, on-edge' })).toBe('Hurt, On edge');
  });

  it('gives strength its word, and pain and a trigger’s strength their scale', () => {
    expect(partText({ key: 'intensity', text: '3' })).toBe('3 · Strong');
    expect(partText({ key: 'pain', text: '6' })).toBe('6 of 10');
    expect(partText({ key: 'triggerIntensity', text: '7' })).toBe('7 out of 10');
  });

  it('shows what it does not know as it came', () => {
    expect(partText({ key: 'feelings', text: 'wistful' })).toBe('wistful');
    expect(partText({ key: 'intensity', text: '9' })).toBe('9');
    expect(partText({ key: 'note', text: 'a quiet day' })).toBe('a quiet day');
  });
});
