/* global window, document */
// Applies the colour choice (System / Light / Dark) before the first paint, so a dark page never
// flashes light. Loaded as a plain blocking script from our own origin: the CSP allows no inline
// script. The stored value is a display preference, never anything a person wrote (see
// src/web/app/theme/theme.ts).
(function () {
  try {
    var choice = window.localStorage.getItem('hh-theme');
    if (choice === 'light' || choice === 'dark') {
      document.documentElement.setAttribute('data-theme', choice);
    }
  } catch {
    // Storage can be switched off; the device's own setting applies then.
  }
})();
