// One Drizzle schema, one file per room: the core tables, then one file per feature that keeps data.
export * from './core';
export * from './safety';
export * from './measures';
export * from './injuries';
export * from './program';
export * from './guide';
export * from './impact-letter';
export * from './triggers';
export * from './today';
export * from './checkins';
export * from './session-prep';
export * from './therapist';
export * from './practice';
export * from './messages';
export * from './access-log';
export * from './jobs';
export * from './account';
