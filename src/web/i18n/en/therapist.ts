/** Therapists: their accounts, and the couple's link with a therapist. */
export const therapist = {
  // The partners' page
  'therapist.title': 'Your therapist',
  'therapist.heading': 'Your therapist',
  'therapist.lead':
    'A couples therapist can walk beside you both through this. You can invite one here, and you stay in charge of what they see.',
  'therapist.loading': 'Loading your therapist links…',
  'therapist.noSpace':
    'A therapist link belongs to your shared space, so it can be made once your space is set up.',
  'therapist.noSpace.link': 'Go to your home page',
  'therapist.how.heading': 'How it works',
  'therapist.how.shared':
    'A therapist sees only what each of you chooses to share with them, one item at a time. They never see your private items, and never your safety check.',
  'therapist.how.both':
    'They can begin only after both of you have approved them, once you can see who they are.',
  'therapist.how.end':
    'Either of you can end it at any time, without giving a reason. It takes effect on their very next step in the app.',
  'therapist.how.notes':
    'Your therapist may keep their own notes about your sessions. Those notes are theirs, as they would be in their office.',
  'therapist.links.heading': 'Your links',
  'therapist.links.none': 'You have not invited a therapist yet. There is no hurry.',
  'therapist.verified': 'Verified by this service’s operator',
  'therapist.notVerified':
    'Not verified by this service’s operator. You may want to check their licence yourself.',
  'therapist.practice': '{name}, {practice}',

  'therapist.invited.text': 'A link is waiting for a therapist to use it, until {date}.',
  'therapist.invited.cancel': 'Cancel this link',
  'therapist.invited.cancelling': 'Cancelling…',
  'therapist.invited.cancelled': 'The link is cancelled. Nobody can use it now.',

  'therapist.awaiting.text':
    '{name} has accepted your link. They can see nothing of yours until both of you approve.',
  'therapist.awaiting.me.yes': 'You have approved.',
  'therapist.awaiting.me.no': 'You have not approved yet.',
  'therapist.awaiting.partner.yes': 'Your partner has approved.',
  'therapist.awaiting.partner.no': 'Your partner has not approved yet.',
  'therapist.awaiting.partner.none':
    'Your partner has not joined yet. They will be asked to approve too.',
  'therapist.approve': 'Approve {name}',
  'therapist.approving': 'Approving…',
  'therapist.approved': 'You approved {name}.',
  'therapist.approveConfirm.heading': 'Approve {name} as your therapist?',
  'therapist.approveConfirm.body':
    'Once you have both approved, they can read what each of you chooses to share with them, item by item, and nothing else. Either of you can end the link at any time.',
  'therapist.approveConfirm.confirm': 'Yes, approve {name}',
  'therapist.approveConfirm.cancel': 'Not now',
  'therapist.nowActive': 'You have both approved. {name} can now see what you share with them.',

  'therapist.active.text': 'You are working with {name} since {date}.',
  'therapist.active.messages': 'Messages with your therapist',
  'therapist.active.accessLog': 'See when your therapist opened your items',

  'therapist.end': 'End this link',
  'therapist.end.decline': 'Decline and end',
  'therapist.end.heading': 'End the link with {name}?',
  'therapist.end.body':
    'They will no longer see anything you shared with them, from their next step on. Your partner will see that the link has ended. You can invite a therapist again later.',
  'therapist.end.confirm': 'End the link',
  'therapist.end.pending': 'Ending…',
  'therapist.end.cancel': 'Keep it',
  'therapist.end.done': 'The link with {name} has ended.',

  'therapist.ended.heading': 'Ended recently',
  'therapist.ended.byMe': '{name}: you ended this on {date}.',
  'therapist.ended.byOther': '{name}: ended on {date}.',

  'therapist.create.heading': 'Invite a therapist',
  'therapist.create.explain':
    'Make a link and send it to your therapist yourself, by email or in person. It works once, for seven days. Once they use it, you will both see their name and practice here and can decide.',
  'therapist.create': 'Make a link for a therapist',
  'therapist.create.hasActive':
    'You already have a therapist working with you both. To invite a different therapist, end the current link above first.',
  'therapist.creating': 'Making a link…',
  'therapist.fresh.heading': 'Your link is ready',
  'therapist.fresh.once':
    'This is the only time we show it. Copy it now and send it to your therapist.',
  'therapist.fresh.label': 'Link for your therapist',
  'therapist.fresh.expires': 'It works once, until {date}.',
  'therapist.copy': 'Copy link',
  'therapist.copied': 'Copied. You can paste it into an email or a message.',
  'therapist.copyFallback': 'The link is selected. Copy it with your keyboard or the menu.',

  // Therapist sign-up
  'therapist.signUp.title': 'Create a therapist account',
  'therapist.signUp.heading': 'Create a therapist account',
  'therapist.signUp.intro':
    'For couples therapists invited by a couple. You will see only what each partner chooses to share with you, once both have approved you.',
  'therapist.signUp.linkWaiting':
    'A couple’s link is waiting. Once your account is ready, you can accept it.',
  'therapist.field.displayName': 'Your name',
  'therapist.field.displayName.hint': 'Couples see this name, with your practice.',
  'therapist.field.practiceName': 'Practice name',
  'therapist.field.practiceName.hint':
    'The name couples will see, or your own name if you work alone.',
  'therapist.field.licence': 'Licence or registration',
  'therapist.field.licence.hint':
    'For example "LMFT 12345, California". Couples see whether the operator of this service has checked it.',
  'therapist.signUp.submit': 'Create therapist account',
  'therapist.signUp.pending': 'Creating your account…',
  'therapist.signUp.haveAccount': 'Already have a therapist account?',
  'therapist.signUp.toSignIn': 'Sign in',
  'therapist.signUp.partner': 'Looking for the program for couples instead?',
  'therapist.signUp.toPartner': 'Create a partner account',

  // The therapist's profile (account page)
  'therapist.profile.heading': 'Your practice',
  'therapist.profile.loading': 'Loading your practice details…',
  'therapist.profile.status': 'Verification',
  'therapist.profile.verifiedOn': 'Verified by this service’s operator on {date}.',
  'therapist.profile.unverified':
    'Not verified yet. The operator of this service marks therapists as verified after checking their licence; couples see this.',
  'therapist.profile.save': 'Save practice details',
  'therapist.profile.saving': 'Saving…',
  'therapist.profile.saved': 'Your practice details are saved.',
  'therapist.account.partnerLink': 'Working with a couples therapist? See',
  'therapist.account.partnerLinkText': 'Your therapist',

  // The therapist's join page
  'therapist.join.title': 'A couple’s invitation',
  'therapist.join.heading': 'A couple’s invitation',
  'therapist.join.loading': 'Checking the link…',
  'therapist.join.preview': '{name} has invited you to work with them and their partner.',
  'therapist.join.expires': 'The link works until {date}.',
  'therapist.join.what':
    'Once you accept, both partners see your name and practice and decide. You see nothing of theirs until both approve, and then only what each chooses to share with you.',
  'therapist.join.signedOut': 'Please sign in with your therapist account, or create one.',
  'therapist.join.signUp': 'Create a therapist account',
  'therapist.join.signIn': 'Sign in',
  'therapist.join.signedInAs': 'Signed in as {name}.',
  'therapist.join.accept': 'Accept the invitation',
  'therapist.join.accepting': 'Accepting…',
  'therapist.join.notTherapist.heading': 'This needs a therapist account',
  'therapist.join.notTherapist.body':
    'You are signed in with a partner account. Please sign out, then sign in with a therapist account or create one. The link still works.',
  'therapist.join.waiting.heading': 'Waiting for both partners',
  'therapist.join.waiting.body':
    'Thank you. Both partners now see your name and practice, and each will decide. Your list of couples shows when they have approved.',
  'therapist.join.toPractice': 'Go to your couples',
  'therapist.join.invalid.heading': 'This link does not work',
  'therapist.join.invalid.body':
    'It may have been used already, cancelled, or be more than seven days old. Please ask the couple for a new link.',
  'therapist.join.missing.heading': 'No link here',
  'therapist.join.missing.body':
    'Please open the whole link the couple sent you. If it still does not work, ask them for a new one.',
  'therapist.join.goFront': 'Go to the front page',
} as const;
