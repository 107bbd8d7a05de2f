/**
 * Query keys live in the core because one feature's change can make another's data stale
 * (joining by link changes the space). Each key starts with the feature's name.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  sessions: ['auth', 'sessions'] as const,
  space: ['space'] as const,
  invites: ['invites', 'list'] as const,
  invitePreview: (token: string) => ['invites', 'preview', token] as const,
  guideLessons: ['guide', 'lessons'] as const,
  guideLesson: (slug: string) => ['guide', 'lesson', slug] as const,
  guideReflections: (slug: string) => ['guide', 'reflections', slug] as const,
};
