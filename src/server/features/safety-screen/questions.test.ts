import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSafetyScreen, ScreenFileError } from './questions';

const ANSWERS = `answers:
  - { id: 'no', label: 'No' }
  - { id: sometimes, label: Sometimes }
  - { id: 'yes', label: 'Yes' }
  - { id: unsaid, label: I’d rather not say }
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function screenFile(questions: string): string {
  dir = mkdtempSync(path.join(tmpdir(), 'hh-screen-'));
  const file = path.join(dir, 'screen.yaml');
  writeFileSync(file, `${ANSWERS}questions:\n${questions}`);
  return file;
}

describe('the safety screen’s content check', () => {
  it('refuses a question whose care answers include “no”, naming it', () => {
    const file = screenFile(`  - id: afraid
    text: Are you afraid of your partner?
    care: [sometimes, 'yes', unsaid]
  - id: safe-to-disagree
    text: Do you feel safe to disagree?
    care: ['no', sometimes, unsaid]
`);
    expect(() => loadSafetyScreen(file)).toThrow(ScreenFileError);
    expect(() => loadSafetyScreen(file)).toThrow(
      /question 2 \(safe-to-disagree\): “no” must not be a care answer/,
    );
  });

  it('accepts questions where “No” is the calm answer', () => {
    const file = screenFile(`  - id: afraid
    text: Are you afraid of your partner?
    care: [sometimes, 'yes', unsaid]
`);
    expect(loadSafetyScreen(file).definition.questions).toHaveLength(1);
  });

  it('gives the shipped screen’s skimmer, answering “No” throughout, the calm result', () => {
    const screen = loadSafetyScreen();
    const ids = screen.definition.questions.map((q) => q.id);
    expect(ids.length).toBeGreaterThan(1);
    const allNo = Object.fromEntries(ids.map((id) => [id, 'no' as const]));
    expect(screen.resultOf(allNo)).toBe('calm');
    // "I'd rather not say" still means care on every question, and so do the worrying answers.
    for (const id of ids) {
      expect(screen.resultOf({ ...allNo, [id]: 'unsaid' }), `${id}: unsaid`).toBe('care');
      expect(screen.resultOf({ ...allNo, [id]: 'sometimes' }), `${id}: sometimes`).toBe('care');
      expect(screen.resultOf({ ...allNo, [id]: 'yes' }), `${id}: yes`).toBe('care');
    }
  });
});
