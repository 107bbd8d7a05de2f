// One Drizzle schema, one file per room: the core tables, then one file per feature that keeps data.
export * from './core';
export * from './checkins';
