/** Messages between a couple and their therapist: the couple thread and each partner's private thread. */
export const messages = {
  'messages.title': 'Messages',
  'messages.heading': 'Messages with your therapist',
  'messages.lead':
    'Write to your therapist between sessions. There is a conversation for the three of you, and a private one that is just yours.',
  'messages.loading': 'Loading your messages…',
  'messages.none':
    'There is no therapist to write to yet. Once you both invite and approve a therapist, your conversations with them will be here.',
  'messages.state.waiting':
    'Messages open once both of you have approved {therapist}. Until then nothing can be sent.',
  'messages.state.ended':
    'Work with {therapist} has ended. What was written stays here for you to read; new messages cannot be sent.',
  'messages.couple.heading': 'All three of us',
  'messages.couple.who': 'You, your partner and {therapist} all read this conversation.',
  'messages.mine.heading': 'Just me and {therapist}',
  'messages.mine.who':
    'Only you and {therapist} read this. Your partner cannot see it, and is never told that it exists or when you write.',
  'messages.thread.empty': 'Nothing written here yet.',
  'messages.thread.label': 'Messages: {thread}',
  'messages.thread.older': 'Show earlier messages',
  'messages.thread.loadingOlder': 'Loading earlier messages…',
  'messages.author.you': 'You',
  'messages.author.therapist': '{name} (therapist)',
  'messages.composer.label': 'Your message',
  'messages.composer.labelFor': 'Your message to {audience}',
  'messages.composer.hint':
    'Messages cannot be changed or taken back once sent. For anything urgent, use the support services, not messages.',
  'messages.composer.send': 'Send',
  'messages.composer.sending': 'Sending…',
  'messages.composer.sent': 'Your message was sent.',
  'messages.composer.empty': 'Please write something before sending.',
  'messages.audience.couple': 'all three of you',
  'messages.audience.mine': '{therapist} only',
  // The therapist's page for one couple
  'messages.couple.title': 'Messages with a couple',
  'messages.couple.pageHeading': 'Messages with {names}',
  'messages.couple.lead':
    'The conversation with both partners, and each partner’s private conversation with you. A partner never sees the other’s private conversation.',
  'messages.couple.loading': 'Loading this couple’s messages…',
  'messages.therapist.coupleHeading': 'All three of you',
  'messages.therapist.coupleWho': 'Both partners and you read this conversation.',
  'messages.therapist.privateHeading': 'Just you and {partner}',
  'messages.therapist.privateWho':
    'Only {partner} and you read this. Their partner cannot see it, or that it exists.',
  'messages.therapist.compose': 'Write a message',
  'messages.therapist.to': 'Send to',
  'messages.therapist.toCouple': 'Both partners (all three of you)',
  'messages.therapist.toPartner': 'Only {partner}, privately',
  'messages.therapist.audienceCouple': 'both partners',
  'messages.therapist.audiencePartner': '{partner}, privately',
  'messages.names': '{first} and {second}',
} as const;
