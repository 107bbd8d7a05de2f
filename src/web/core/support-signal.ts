/**
 * The server sets `x-support-suggested` when something a person wrote holds a crisis phrase.
 * apiFetch passes that on here, and the layout offers support. Nothing is stored anywhere.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function signalSupportSuggested(): void {
  for (const listener of listeners) listener();
}

export function onSupportSuggested(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
