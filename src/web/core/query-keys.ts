/**
 * Query keys live in the core because one feature's change can make another's data stale
 * (joining by link changes the space). Each key starts with the feature's name.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  sessions: ['auth', 'sessions'] as const,
  twoStep: ['auth', 'two-step'] as const,
  erasure: ['my-data', 'erasure'] as const,
  space: ['space'] as const,
  /** Under the space's key: whether we have an active therapist (GET /api/space, its own parse). */
  spaceTherapist: ['space', 'therapist'] as const,
  invites: ['invites', 'list'] as const,
  invitePreview: (token: string) => ['invites', 'preview', token] as const,
  safety: ['safety', 'state'] as const,
  supportResources: (region: string) => ['safety', 'resources', region] as const,
  safetyScreen: ['safety-screen'] as const,
  injuries: ['injuries'] as const,
  /** The map depends on my roles in the injuries, so an injury change makes it stale too. */
  program: ['program'] as const,
  guideLessons: ['guide', 'lessons'] as const,
  guideLesson: (slug: string) => ['guide', 'lesson', slug] as const,
  guideReflections: (slug: string) => ['guide', 'reflections', slug] as const,
  /** The comment threads of one item (the comments core, under every shared item's page). */
  comments: (kind: string, itemId: string) => ['comments', kind, itemId] as const,
  /** My notifications (every page of the list); a new one from the live stream makes it stale. */
  notifications: ['notifications'] as const,
  notificationPreferences: ['notifications', 'preferences'] as const,
};
