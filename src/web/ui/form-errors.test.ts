import { describe, expect, it } from 'vitest';
import { pickKnownFields, summaryProblems } from './form-errors';

const ORDER = ['name', 'email', 'password'] as const;
const IDS = { name: 'f-name', email: 'f-email', password: 'f-password' };

describe('the error summary list', () => {
  it('lists only fields with a message, in the form order, pointing at each field', () => {
    expect(summaryProblems({ password: 'Too short.', name: 'Needed.' }, ORDER, IDS)).toEqual([
      { fieldId: 'f-name', message: 'Needed.' },
      { fieldId: 'f-password', message: 'Too short.' },
    ]);
    expect(summaryProblems({}, ORDER, IDS)).toEqual([]);
  });

  it('keeps only the fields this form has from a server answer', () => {
    expect(pickKnownFields({ email: 'Taken.', other: 'Not ours.' }, ORDER)).toEqual({
      email: 'Taken.',
    });
  });
});
