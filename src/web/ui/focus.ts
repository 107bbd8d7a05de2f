/**
 * Moves focus to the page's heading, for when the part of the page that had focus is gone (a
 * dialog closed, a section replaced). The heading is marked by `Page`.
 */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('[data-page-heading]');
  if (heading) {
    heading.focus({ preventScroll: true });
    return;
  }
  document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
}
