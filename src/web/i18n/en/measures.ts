/**
 * The weekly check-ins (measures). The questions themselves live with their definitions in
 * content/measures; these are the words around them.
 */
export const measures = {
  'measures.title': 'Weekly check-ins',
  'measures.heading': 'Weekly check-ins',
  'measures.lead':
    'Two short check-ins, once a week if it helps: one about trust and safety between you, one about how you are doing. Your answers are yours alone unless you choose to share one.',
  'measures.loading': 'Loading the check-ins…',
  'measures.ready': 'Ready whenever you are.',
  'measures.doneThisWeek': 'You filled this in this week. There is no need to again, but you can.',
  'measures.doneBefore': 'Last filled in the week of {week}.',
  'measures.questionCount': '{count} short questions',
  'measures.whyWeekly':
    'Once a week is enough to see how things move over time. Skipping a week is fine; so is a hard week. Healing does not go in a straight line.',

  // One check-in: the form
  'measures.notFound.heading': 'We could not find that check-in',
  'measures.notFound.body': 'It may have been renamed. The list of check-ins is one step back.',
  'measures.back': 'All weekly check-ins',
  'measures.alreadyThisWeek':
    'You already filled this in this week. You are welcome to again; every one is kept.',
  'measures.form.heading': 'This week',
  'measures.form.hint':
    'Pick the answer that fits best. You can skip any question; leaving a few out is fine.',
  'measures.form.question': 'Question {number} of {count}',
  'measures.form.clear': 'Leave question {number} unanswered',
  'measures.form.submit': 'Save my answers',
  'measures.form.pending': 'Saving…',
  'measures.form.noneAnswered':
    'Please answer at least one question before saving. You can skip any that do not fit.',
  'measures.form.private': 'Saved privately. Only you will see it unless you choose to share it.',
  'measures.form.changed':
    'This check-in was updated since the page was opened. Please reload the page and answer again.',
  'measures.form.reload': 'Reload the page',
  'measures.source': 'Source: {source}',

  // The result
  'measures.result.heading': 'Saved. Here is your week in words',
  'measures.result.parts': 'The parts of it',
  'measures.result.notEnough': 'Not enough answers to say',
  'measures.result.notEnoughOverall':
    'You skipped a few questions, so we will not put the whole week into words. That is fine; what you answered is saved.',
  'measures.result.again': 'Answer again',

  // Support, shown when an answer reaches a question's alert level. Never a block.
  'measures.support.heading': 'Support is here if you need it',
  'measures.support.intro':
    'Some of what you answered sounds heavy. Your answers are saved, nothing has been shared, and nothing is closed to you.',
  'measures.support.danger':
    'If you are in danger right now, or might act on thoughts of harming yourself, call your local emergency number.',
  'measures.support.talk':
    'You do not have to carry this alone. Talking to a doctor, a crisis line or a therapist can help, and you can reach out today.',
  'measures.support.regions':
    'Support lines differ from country to country. Checked numbers for your region will be listed here from our list of resources; until then, your doctor or an emergency operator can point you to the right one.',
  'measures.support.exit':
    'If someone near you should not see this, Quick exit at the top of the page leaves it at once.',

  // History
  'measures.history.heading': 'Your weeks',
  'measures.history.caption': 'Your {title} check-ins, newest week first',
  'measures.history.empty': 'Nothing here yet. Your first one will appear here once it is saved.',
  'measures.history.week': 'Week of',
  'measures.history.words': 'In words',
  'measures.history.sharing': 'Who can see it',
  'measures.history.more': 'Show earlier weeks',
  'measures.history.loadingMore': 'Loading earlier weeks…',
  'measures.history.score': '{score} of {max}',
  'measures.history.loading': 'Loading your weeks…',

  // What the partner shared
  'measures.partner.heading': 'What {name} has shared',
  'measures.partner.caption': '{title} check-ins {name} shared with you, newest week first',
  'measures.partner.empty':
    'Nothing shared yet. If {name} shares one of these check-ins with you, it will appear here.',
  'measures.partner.note':
    'You see the week in words and its parts, not the answer to each question.',
  'measures.share.note':
    'Sharing shows {name} the week in words and its parts, not your answer to each question.',
  'measures.progress.heading': 'Your weekly check-ins',
  'measures.progress.loading': 'Loading your weekly check-ins…',
  'measures.progress.none':
    'When you fill in a weekly check-in, its path over the weeks appears here.',
  'measures.progress.total': 'Overall',
  'measures.progress.summaryBetter':
    'Your overall answer for each week you filled it in, from {min} to {max}; higher means things felt better.',
  'measures.progress.summaryHarder':
    'Your overall answer for each week you filled it in, from {min} to {max}; higher means the week was harder.',
} as const;
