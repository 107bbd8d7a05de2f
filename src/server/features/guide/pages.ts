import { escapeHtml, type PrerenderedPage, type ServerRenderedPage } from '#server/http/web.ts';
import type { Lesson, LessonLibrary } from './lessons';

/**
 * The guide's pages as the server sends them: the whole lesson inside the app's root element, so
 * it reads with JavaScript off, loads at once and can be indexed. When the app starts it renders
 * the same lesson in its own frame. These words mirror the app's catalog
 * (src/web/i18n/en/guide.ts); a test checks that they agree.
 */
export const PAGE_WORDS = {
  appName: 'Healing Hearts',
  quickExit: 'Quick exit',
  guideNav: 'The guide',
  indexTitle: 'The guide',
  indexLead:
    'Short lessons for the weeks and months after a betrayal comes to light. Read them in any order, alone or together. You do not need an account.',
  indexDescription:
    'Short, plain lessons for a couple rebuilding trust after a betrayal: the impact, what it means, and moving on.',
  startHere: 'Start here',
  minutes: '{minutes} min read',
  phase1: 'Phase 1 · Impact',
  phase2: 'Phase 2 · Meaning',
  phase3: 'Phase 3 · Moving on',
  phase1About: 'The first weeks: steadying yourselves, naming the hurt, and taking responsibility.',
  phase2About: 'Later: understanding how it happened, without excusing it, and giving it time.',
  phase3About: 'When you are ready: closeness, and deciding how to go on.',
  faq: 'Questions people ask',
  drawsOn: 'Draws on',
  reflectHeading: 'A question to sit with',
  signInToReflect: 'Sign in to keep a private reflection',
  signInToReflectAfter: 'Only you will see it, unless you choose to share it with your partner.',
  lessonsNav: 'More lessons',
  previous: 'Previous',
  next: 'Next',
  notFoundTitle: 'Page not found',
  notFoundBody:
    'We could not find that lesson. The address may be mistyped, or the lesson may have moved.',
  backToGuide: 'See all the lessons',
  noscript:
    'You can read the guide without JavaScript. Writing a reflection, the quick exit by keyboard and the rest of the app need it turned on.',
} as const;

const PHASES = [
  { phase: 1, heading: PAGE_WORDS.phase1, about: PAGE_WORDS.phase1About },
  { phase: 2, heading: PAGE_WORDS.phase2, about: PAGE_WORDS.phase2About },
  { phase: 3, heading: PAGE_WORDS.phase3, about: PAGE_WORDS.phase3About },
] as const;

export function phaseLabel(phase: Lesson['phase']): string {
  return phase === null ? PAGE_WORDS.faq : PHASES[phase - 1]!.heading;
}

function minutes(count: number): string {
  return PAGE_WORDS.minutes.replace('{minutes}', String(count));
}

function pageTitle(page: string): string {
  return `${page} · ${PAGE_WORDS.appName}`;
}

/** The plain frame around a pre-rendered page: name, quick exit as a link, and the page. */
function frame(quickExitUrl: string, main: string, guideLink: boolean): string {
  const e = escapeHtml;
  return [
    '<div class="hh-static">',
    '<header class="hh-static-header">',
    `<a class="hh-static-brand" href="/">${e(PAGE_WORDS.appName)}</a>`,
    `<a class="hh-static-exit" href="${e(quickExitUrl)}" rel="nofollow noreferrer">${e(PAGE_WORDS.quickExit)}</a>`,
    '</header>',
    guideLink
      ? `<nav class="hh-static-nav" aria-label="${e(PAGE_WORDS.guideNav)}"><a href="/guide">${e(PAGE_WORDS.guideNav)}</a></nav>`
      : '',
    `<main id="main" class="hh-static-main">${main}</main>`,
    '</div>',
  ].join('');
}

function lessonItem(lesson: Pick<Lesson, 'slug' | 'title' | 'summary' | 'minutes'>): string {
  const e = escapeHtml;
  return `<li><a href="/guide/${e(lesson.slug)}">${e(lesson.title)}</a><p>${e(lesson.summary)} <span class="hh-static-meta">${e(minutes(lesson.minutes))}</span></p></li>`;
}

export function renderIndex(library: LessonLibrary, quickExitUrl: string): PrerenderedPage {
  const e = escapeHtml;
  const faq = library.all.filter((lesson) => lesson.phase === null);
  const sections = [
    faq.length > 0
      ? `<section aria-labelledby="guide-start"><h2 id="guide-start">${e(PAGE_WORDS.startHere)}</h2><ul class="hh-static-list">${faq.map(lessonItem).join('')}</ul></section>`
      : '',
    ...PHASES.map(({ phase, heading, about }) => {
      const lessons = library.all.filter((lesson) => lesson.phase === phase);
      if (lessons.length === 0) return '';
      return `<section aria-labelledby="guide-phase-${phase}"><h2 id="guide-phase-${phase}">${e(heading)}</h2><p>${e(about)}</p><ul class="hh-static-list">${lessons.map(lessonItem).join('')}</ul></section>`;
    }),
  ];
  const main = `<h1>${e(PAGE_WORDS.indexTitle)}</h1><p class="hh-static-lead">${e(PAGE_WORDS.indexLead)}</p>${sections.join('')}`;
  return {
    status: 200,
    title: pageTitle(PAGE_WORDS.indexTitle),
    description: PAGE_WORDS.indexDescription,
    body: frame(quickExitUrl, main, false),
    noscript: PAGE_WORDS.noscript,
  };
}

/**
 * The lesson's facts other than its text, for the app to start from without asking the API: a
 * data block (never run as a script, so the CSP does not come into it). `<` is escaped so that no
 * text in it can close the element.
 */
function lessonFacts(lesson: Lesson): string {
  const facts = {
    slug: lesson.slug,
    title: lesson.title,
    summary: lesson.summary,
    phase: lesson.phase,
    minutes: lesson.minutes,
    drawsOn: lesson.drawsOn,
    reflection: lesson.reflection,
    previous: lesson.previous,
    next: lesson.next,
  };
  const json = JSON.stringify(facts).replace(/</g, '\\u003c');
  return `<script type="application/json" id="hh-lesson-facts">${json}</script>`;
}

export function renderLesson(lesson: Lesson, quickExitUrl: string): PrerenderedPage {
  const e = escapeHtml;
  const signIn = `/signin`;
  const around = [
    lesson.previous
      ? `<li>${e(PAGE_WORDS.previous)}: <a href="/guide/${e(lesson.previous.slug)}" rel="prev">${e(lesson.previous.title)}</a></li>`
      : '',
    lesson.next
      ? `<li>${e(PAGE_WORDS.next)}: <a href="/guide/${e(lesson.next.slug)}" rel="next">${e(lesson.next.title)}</a></li>`
      : '',
  ].join('');
  const main = [
    `<article class="hh-static-article" data-guide-lesson="${e(lesson.slug)}">`,
    `<h1>${e(lesson.title)}</h1>`,
    `<p class="hh-static-lead">${e(lesson.summary)}</p>`,
    `<p class="hh-static-meta">${e(phaseLabel(lesson.phase))} · ${e(minutes(lesson.minutes))}</p>`,
    // Rendered at start from our own Markdown with raw HTML off. The app keeps this element and
    // moves it into its own page when it starts, instead of rendering the text again (0057).
    `<div class="hh-static-body" data-lesson-body="${e(lesson.slug)}">${lesson.html}</div>`,
    `<section aria-labelledby="guide-draws-on"><h2 id="guide-draws-on">${e(PAGE_WORDS.drawsOn)}</h2><ul>${lesson.drawsOn.map((source) => `<li>${e(source)}</li>`).join('')}</ul></section>`,
    `<section aria-labelledby="guide-reflect"><h2 id="guide-reflect">${e(PAGE_WORDS.reflectHeading)}</h2><p>${e(lesson.reflection)}</p>`,
    `<p><a href="${signIn}">${e(PAGE_WORDS.signInToReflect)}</a>. ${e(PAGE_WORDS.signInToReflectAfter)}</p></section>`,
    '</article>',
    around
      ? `<nav aria-label="${e(PAGE_WORDS.lessonsNav)}"><ul class="hh-static-list">${around}</ul></nav>`
      : '',
    lessonFacts(lesson),
  ].join('');
  return {
    status: 200,
    title: pageTitle(lesson.title),
    description: lesson.summary,
    body: frame(quickExitUrl, main, true),
    noscript: PAGE_WORDS.noscript,
  };
}

export function renderMissing(quickExitUrl: string): PrerenderedPage {
  const e = escapeHtml;
  const main = `<h1>${e(PAGE_WORDS.notFoundTitle)}</h1><p>${e(PAGE_WORDS.notFoundBody)}</p><p><a href="/guide">${e(PAGE_WORDS.backToGuide)}</a></p>`;
  return {
    status: 404,
    title: pageTitle(PAGE_WORDS.notFoundTitle),
    description: PAGE_WORDS.notFoundBody,
    body: frame(quickExitUrl, main, true),
  };
}

/**
 * The two guide pages, for the web app to serve with the lesson already in place. Each lesson's
 * page is rendered once and kept; the quick-exit address is fixed for the life of the server.
 */
export function guidePages(library: LessonLibrary): ServerRenderedPage[] {
  const rendered = new Map<string, PrerenderedPage>();
  const once = (key: string, render: () => PrerenderedPage) => {
    let page = rendered.get(key);
    if (!page) rendered.set(key, (page = render()));
    return page;
  };
  return [
    {
      url: '/guide',
      render: (_params, shell) =>
        once(`index ${shell.quickExitUrl}`, () => renderIndex(library, shell.quickExitUrl)),
    },
    {
      url: '/guide/:slug',
      render: (params, shell) => {
        const lesson = library.get(params.slug ?? '');
        // Only real lessons are kept, so made-up addresses cannot grow the cache.
        return lesson
          ? once(`${lesson.slug} ${shell.quickExitUrl}`, () =>
              renderLesson(lesson, shell.quickExitUrl),
            )
          : renderMissing(shell.quickExitUrl);
      },
    },
  ];
}
