// zod's settings (no `new Function` probe under our CSP, our own messages) come with the schemas:
// every file in src/shared/schemas imports common.ts, whose first import is zod-setup. The first
// download holds no schema at all (decision 0028).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadFirstPage } from './app/app';
import { quickExit } from './app/quick-exit/quick-exit';
import { createTripleShiftDetector } from './app/quick-exit/triple-shift';
import { captureInviteFromLocation } from './core/pending-invite';
import { capturePrerendered } from './core/prerendered';
import { captureTherapistLink } from './features/therapist/pending-link';
import './ui/global.css';

// Before anything renders: take an invite token out of the address bar and keep it in memory.
captureInviteFromLocation();
window.addEventListener('hashchange', captureInviteFromLocation);
captureTherapistLink();
window.addEventListener('hashchange', captureTherapistLink);

const root = document.getElementById('root');
if (!root) throw new Error('The page is missing its #root element.');

// A page the server filled in (a lesson) stays as it is until the app can show the same page:
// then, in one task, the root is emptied and the app renders, taking the lesson's text over.
// Until then Shift three times already leaves, as it will in the app's frame.
capturePrerendered(root);
const early = createTripleShiftDetector();
const onEarlyKey = (event: KeyboardEvent) => {
  if (early.press(event)) quickExit();
};
window.addEventListener('keydown', onEarlyKey, { capture: true });
void loadFirstPage(window.location.pathname).then(() => {
  window.removeEventListener('keydown', onEarlyKey, { capture: true });
  root.replaceChildren();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
