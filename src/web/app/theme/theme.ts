import { useSyncExternalStore } from 'react';

/** The colour choice: follow the device, or always light, or always dark. */
export type Theme = 'system' | 'light' | 'dark';

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/*
 * The choice is kept in localStorage under one key. This is the one thing the app keeps in
 * browser storage on purpose: a display preference, not anything a person wrote, and nothing that
 * says what the app is for. "As my device" removes the key, so by default storage stays empty.
 * public/theme.js reads the same key before the first paint; keep the two in step.
 */
const KEY = 'hh-theme';
const listeners = new Set<() => void>();

function current(): Theme {
  const attribute = document.documentElement.getAttribute('data-theme');
  return attribute === 'light' || attribute === 'dark' ? attribute : 'system';
}

/** Applies a choice to the page (tokens.css keys off `data-theme`) and remembers it. */
export function setTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  try {
    if (theme === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, theme);
  } catch {
    // Storage switched off: the choice holds for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current choice (public/theme.js set it before the app started), shared by every switch. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, current);
}
