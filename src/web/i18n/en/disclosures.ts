/**
 * Sealed disclosures. The words speak to the one telling while they write, and to the one told
 * while they decide when to open it. Nothing here hurries either of them.
 */
export const disclosures = {
  'disclosures.title': 'Sealed disclosures',
  'disclosures.heading': 'Things that still need telling',
  'disclosures.lead':
    'A place to tell something hard in writing, and to choose the moment you read it. What is sealed stays exactly as it was written.',
  'disclosures.loading': 'Loading…',
  'disclosures.loadingOne': 'Opening…',
  'disclosures.yourPartner': 'Your partner',
  'disclosures.openedOn': 'Opened on {date}',

  'disclosures.forMe.heading': 'Waiting for you',
  'disclosures.forMe.from': 'From {name}, sealed on {date}',
  'disclosures.forMe.waiting':
    'Your partner has written something they need you to know. You decide when to read it: now, later, or with your therapist beside you.',
  'disclosures.forMe.prepare': 'Open it when I am ready…',
  'disclosures.forMe.openedNow': 'It is open. Take all the time you need.',

  'disclosures.prepare.heading': 'Before you open it',
  'disclosures.prepare.time':
    'Choose a time when you can be with whatever comes up, not just before work or sleep.',
  'disclosures.prepare.body':
    'Notice your breathing and where you are sitting. You can stop reading at any line.',
  'disclosures.prepare.pause':
    'If it is too much, “I don’t feel safe” at the top of every page pauses your shared exercises quietly.',
  'disclosures.prepare.after':
    'Afterwards you can write back under it, or keep it for a session with your therapist. Your partner will see that you opened it, and when.',
  'disclosures.prepare.ready': 'I am ready: open it',
  'disclosures.prepare.notNow': 'Not now',

  'disclosures.none.heading': 'Nothing here for you',
  'disclosures.none.body':
    'Disclosures are written by the partner who was involved in a betrayal you have named together. When something is sealed for you, it waits here until you choose to open it.',
  'disclosures.none.injuries': 'Name what happened on the injuries page',

  'disclosures.write.heading': 'Something you need to tell',
  'disclosures.write.intro':
    'Write it here as a private draft: only you can see it while you work on it. When you seal it, it can never be changed again, and your partner learns only that something is waiting for them, not what or how long. If more comes to mind later, write a new one.',
  'disclosures.write.noPartner':
    'Your partner has not joined your space yet. You can write, but there is no one to seal it for yet.',
  'disclosures.write.start': 'Start writing',
  'disclosures.write.another': 'Start another one',
  'disclosures.write.started': 'A new private draft is ready below.',

  'disclosures.draft.heading': 'Private draft, started {date}',
  'disclosures.draft.label': 'What I need to tell you',
  'disclosures.draft.hint':
    'Plain and honest words help most. Say what happened, without blaming and without detail that would only leave pictures behind.',
  'disclosures.draft.save': 'Save draft',
  'disclosures.draft.saved': 'Your draft is saved. Only you can see it.',
  'disclosures.draft.savedAt': 'Saved {date}. Only you can see this draft.',
  'disclosures.draft.unsaved': 'Not saved yet.',
  'disclosures.draft.seal': 'Seal it for my partner…',
  'disclosures.draft.discard': 'Throw this draft away…',
  'disclosures.draft.conflict':
    'This draft was saved in another window while you were writing. Your words are still in the box; choose which to keep.',

  'disclosures.seal.heading': 'Seal this for {name}?',
  'disclosures.seal.body':
    'Once sealed, it stays exactly as it is now. You will not be able to change or take it back; anything you want to add becomes a new disclosure.',
  'disclosures.seal.partner':
    '{name} will learn that something is waiting, and will open it when they are ready.',
  'disclosures.seal.confirm': 'Seal it',
  'disclosures.seal.pending': 'Sealing…',
  'disclosures.seal.cancel': 'Not yet',
  'disclosures.seal.done': 'Sealed. {name} can open it when they are ready.',

  'disclosures.discard.heading': 'Throw this draft away?',
  'disclosures.discard.body':
    'It was never seen by anyone else, and nothing of it will remain, here or anywhere.',
  'disclosures.discard.confirm': 'Throw it away',
  'disclosures.discard.pending': 'Throwing away…',
  'disclosures.discard.cancel': 'Keep it',
  'disclosures.discard.done': 'The draft is gone.',

  'disclosures.sealed.heading': 'What you have sealed',
  'disclosures.sealed.on': 'Sealed on {date}',
  'disclosures.sealed.notOpened': '{name} has not opened it yet.',

  'disclosures.about.heading': 'How sealed disclosures work',
  'disclosures.about.one':
    'Truth that trickles out piece by piece tends to reopen the wound each time. Writing it down, all of it, and handing it over once is usually gentler on both of you.',
  'disclosures.about.two':
    'The one who was hurt keeps control of the moment: a sealed disclosure waits, unread, for as long as they need. Nothing about it — not even its length — shows before it is opened.',
  'disclosures.about.three':
    'Sealing and opening rest while your shared exercises rest. Drafts are private, always.',
} as const;
