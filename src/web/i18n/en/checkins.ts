/** The daily check-in page. */
export const checkins = {
  'checkins.title': 'Daily check-in',
  'checkins.heading': 'Daily check-in',
  'checkins.lead':
    'A few quiet minutes to notice how today is going. What you write here is yours: it stays private unless you choose to share it.',
  'checkins.loading': 'Opening your check-ins…',

  // Today's form
  'checkins.today.heading': 'Today, {date}',
  'checkins.today.written': 'You checked in today. You can change anything until the day is over.',
  'checkins.feelings.legend': 'How are you feeling?',
  'checkins.feelings.hint':
    'Choose any that fit, up to 10. Hard and hopeful feelings often come on the same day, and every one of them is allowed here.',
  'checkins.intensity.legend': 'How strong are these feelings?',
  'checkins.intensity.1': 'Faint',
  'checkins.intensity.2': 'Mild',
  'checkins.intensity.3': 'Strong',
  'checkins.intensity.4': 'Very strong',
  'checkins.intensity.5': 'Overwhelming',
  'checkins.pain.legend': 'How much pain are you carrying today?',
  'checkins.pain.hint': '0 means none at all; 10 means the most you can imagine.',
  'checkins.triggers.label': 'What set things off today?',
  'checkins.triggers.hint': 'A place, a song, a date, a thought. A few words are enough.',
  'checkins.needs.label': 'What do I need today?',
  'checkins.needs.hint': 'From yourself, from your partner, or from someone else.',
  'checkins.note.label': 'Anything else',
  'checkins.note.hint': 'A note for yourself. Leave it empty if you like.',
  'checkins.save': 'Save my check-in',
  'checkins.saveChanges': 'Save changes',
  'checkins.saving': 'Saving…',
  'checkins.saved': 'Your check-in is saved.',
  'checkins.editShared':
    'Your partner will see your changes, and can still read the version they saw before.',

  // When the same check-in changed in another tab

  // Sharing today's check-in
  'checkins.sharing.heading': 'Who sees it',
  'checkins.sharing.noPartner':
    'Only you can see your check-ins. If your partner joins your space, you can choose to share one with them.',
  'checkins.sharing.bothHint':
    'Or wait until {name} has written theirs for the same day: then both appear to both of you at the same moment. Until then, neither of you can see the other’s, or even whether it exists.',
  'checkins.sharing.bothHint.partnerShared':
    '{name} has already shared their check-in for this day with you, so choosing to share when you both have shares yours with {name} straight away.',
  'checkins.sharing.both': 'Share when we both have…',
  'checkins.sharing.both.heading': 'Share when you have both checked in?',
  'checkins.sharing.both.body':
    'When {name} has also written a check-in for this day and chosen the same, or shared theirs, both will appear to both of you at the same moment. You can change your mind until then.',
  'checkins.sharing.both.body.partnerShared':
    '{name} has already shared their check-in for this day with you. If you choose this, yours is shared with {name} straight away, and you can make it private again at any time.',
  'checkins.sharing.both.confirm': 'Yes, share when we both have',
  'checkins.sharing.both.pending': 'Saving your choice…',
  'checkins.sharing.both.cancel': 'Not now',
  'checkins.sharing.waiting':
    'Waiting: this will be shared with {name} once they have checked in for this day too. Until then it stays private.',
  'checkins.sharing.withdraw': 'Keep it private instead',
  'checkins.sharing.withdrawing': 'Keeping it private…',
  'checkins.sharing.revealed':
    'You have both checked in. Your check-ins are now shared with each other.',
  'checkins.sharing.shared': 'Shared with {name}.',
  'checkins.sharing.private': 'Your check-in is private again.',

  // The timeline
  'checkins.timeline.heading': 'Earlier check-ins',
  'checkins.timeline.intro':
    'Your own check-ins, and the ones {name} has shared with you, newest first.',
  'checkins.timeline.introAlone': 'Your own check-ins, newest first.',
  'checkins.timeline.empty':
    'Nothing here yet. When you check in, it will be kept here for you to look back on.',
  'checkins.timeline.more': 'Show earlier',
  'checkins.timeline.loadingMore': 'Loading earlier check-ins…',
  'checkins.timeline.you': 'You',
  'checkins.timeline.onlyYou': 'Only you',
  'checkins.timeline.waiting': 'Waiting for you both',
  'checkins.timeline.sharedWith': 'Shared with {name}',
  'checkins.timeline.therapist': 'You and your therapist',
  'checkins.timeline.sharedWithAndTherapist': 'Shared with {name} and your therapist',
  'checkins.timeline.sharedByPartner': 'Shared with you',
  'checkins.timeline.feelings': 'Feelings',
  'checkins.timeline.noFeelings': 'None chosen',
  'checkins.timeline.intensity': 'Strength',
  'checkins.timeline.pain': 'Pain',
  'checkins.timeline.painValue': '{pain} of 10',
  'checkins.timeline.triggers': 'What set things off',
  'checkins.timeline.needs': 'What I need',
  'checkins.timeline.note': 'Note',
  'checkins.timeline.edited': 'Edited on {date}.',
  'checkins.timeline.showEarlier': 'Show what it said before',
  'checkins.timeline.hideEarlier': 'Hide what it said before',
  'checkins.timeline.earlierLoading': 'Loading the earlier versions…',
  'checkins.timeline.replaced': 'As it read until {date}',
  'checkins.timeline.setbacks':
    'Some days are heavier than others, and a hard day after good ones is part of healing, not a step back.',

  // Feelings (values in src/shared/schemas/checkins.ts)
  'checkins.feeling.hurt': 'Hurt',
  'checkins.feeling.betrayed': 'Betrayed',
  'checkins.feeling.angry': 'Angry',
  'checkins.feeling.sad': 'Sad',
  'checkins.feeling.grieving': 'Grieving',
  'checkins.feeling.anxious': 'Anxious',
  'checkins.feeling.afraid': 'Afraid',
  'checkins.feeling.on-edge': 'On edge',
  'checkins.feeling.numb': 'Numb',
  'checkins.feeling.confused': 'Confused',
  'checkins.feeling.lonely': 'Lonely',
  'checkins.feeling.ashamed': 'Ashamed',
  'checkins.feeling.humiliated': 'Humiliated',
  'checkins.feeling.jealous': 'Jealous',
  'checkins.feeling.suspicious': 'Suspicious',
  'checkins.feeling.guilty': 'Guilty',
  'checkins.feeling.remorseful': 'Full of regret',
  'checkins.feeling.overwhelmed': 'Overwhelmed',
  'checkins.feeling.exhausted': 'Worn out',
  'checkins.feeling.discouraged': 'Discouraged',
  'checkins.feeling.hopeful': 'Hopeful',
  'checkins.feeling.calm': 'Calm',
  'checkins.feeling.relieved': 'Relieved',
  'checkins.feeling.grateful': 'Grateful',
  'checkins.feeling.close': 'Close to my partner',
  'checkins.feeling.understood': 'Understood',
  'checkins.feeling.cared-for': 'Cared for',
  'checkins.feeling.determined': 'Determined',
  'checkins.feeling.tender': 'Tender',
  'checkins.feeling.steady': 'Steady',
} as const;
