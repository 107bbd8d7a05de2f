/**
 * Words of the shared form parts in ui/ (the text area's count, the conflict panel). They come
 * with the feature words: only feature pages hold forms with these parts.
 */
export const forms = {
  'forms.field.limit': 'Up to {max} characters.',
  'forms.field.left': '{count} characters left.',
  'forms.field.over': '{count} characters over the limit.',
  'forms.conflict.heading': 'This was saved somewhere else while you were writing',
  'forms.conflict.headingBy': '{name} saved a newer version while you were writing',
  'forms.conflict.body':
    'Nothing is lost. Your words are still in the form, and the saved version is beside them. Keep yours, take the saved one, or change yours to bring the two together, then save.',
  'forms.conflict.mine': 'Your words',
  'forms.conflict.saved': 'Saved version',
  'forms.conflict.empty': '(empty)',
  'forms.conflict.useSaved': 'Use these saved words',
  'forms.conflict.useSavedFor': 'for “{part}”',
  'forms.conflict.usedSaved': 'The box for “{part}” now holds the saved words.',
  'forms.conflict.keepMine': 'Save my words over it',
  'forms.conflict.takeSaved': 'Use the saved version',
  'forms.diff.removed': 'taken out:',
  'forms.diff.added': 'put in:',
  'forms.diff.endChange': 'end of change',
  'forms.diff.noChange': 'No change in this part.',
} as const;
