import { progress } from './en/progress';
import { safety } from './en/safety';
import { safetyScreen } from './en/safety-screen';
import { today } from './en/today';
import { injuries } from './en/injuries';
import { program } from './en/program';
import { guide } from './en/guide';
import { goals } from './en/goals';
import { triggers } from './en/triggers';
import { checkins } from './en/checkins';
import { reconnecting } from './en/reconnecting';

/**
 * Every sentence the web app shows, in English. One flat object: the key names the place, the
 * value is the words. `{name}` marks a parameter that `t()` fills in; the type of `t()` makes the
 * parameters required, so a missing one is a compile error.
 *
 * Voice: warm, plain, calm. No pressure, no scores, no streaks, no guilt.
 */
import { measures } from './en/measures';
import { impactLetter } from './en/impact-letter';
import { apology } from './en/apology';
import { disclosures } from './en/disclosures';
import { listening } from './en/listening';
import { sessionPrep } from './en/session-prep';
import { accessLog } from './en/access-log';
import { therapist } from './en/therapist';
import { messages } from './en/messages';
import { practice } from './en/practice';
import { layout } from './en/layout';
import { twoStep } from './en/two-step';
import { myData } from './en/my-data';
import { account } from './en/account';
import { forms } from './en/forms';
import { comments } from './en/comments';
import { notifications } from './en/notifications';
import { questions } from './en/questions';
import { agreements } from './en/agreements';
import { transparency } from './en/transparency';
import { contactLog } from './en/contact-log';
import { forgiveness } from './en/forgiveness';
import { decision } from './en/decision';
import { meaning } from './en/meaning';

export const core = {
  // The frame around every page
  'app.name': 'Healing Hearts',
  'app.pageTitle': '{page} · Healing Hearts',
  'app.neutralName': 'Notes',
  // The bell in the safety bar (its name carries the count; issue 12)
  'bell.none': 'Notifications, none unread',
  'bell.unread': 'Notifications, {count} unread',
  // Quick exit
  'quickExit.button': 'Quick exit',
  'quickExit.helpLink': 'About quick exit',
  'quickExit.page.title': 'About quick exit',
  'quickExit.page.heading': 'How quick exit works',
  'quickExit.page.intro':
    'If someone comes close to your screen and you want this page gone, use quick exit. It is at the top of every page.',
  'quickExit.page.howHeading': 'Two ways to use it',
  'quickExit.page.howButton': 'Select the Quick exit button at the top of the page.',
  'quickExit.page.howKeys':
    'Or press the Shift key three times within five seconds, wherever you are on the page.',
  'quickExit.page.doesHeading': 'What it does',
  'quickExit.page.does1': 'It clears the page from the screen straight away.',
  'quickExit.page.does2':
    'It signs you out on this device as it leaves, so nobody can carry on in your account here. Coming back means signing in with your password again.',
  'quickExit.page.does3': 'It forgets what this tab had loaded from your account.',
  'quickExit.page.does4':
    'It opens an everyday website in this tab, in place of this page. If someone presses Back, this site opens signed out and shows nothing of your account.',
  'quickExit.page.limitsHeading': 'What it cannot do',
  'quickExit.page.limits1':
    'It does not erase your browser history. Anyone who looks at the history on this device can see that this site was visited, and the addresses of the pages you opened (not what you wrote).',
  'quickExit.page.limits2':
    'Those pages stay in the tab’s history too, so Back can still reach this site. They open signed out, but they show that you were here.',
  'quickExit.page.limits3':
    'It signs you out only in this browser. If you are signed in on another device, you stay signed in there; you can sign those out from your account page.',
  'quickExit.page.limits4':
    'Signing out needs the connection for a moment. If the device is offline just then, the sign-out may not reach us: a page of this site brought back with Back checks first and hides itself, but sign out from your account page when you can, to be sure.',
  'quickExit.page.limits5':
    'It does not touch what your browser keeps for itself, such as saved passwords or the words it suggests as you type.',
  'quickExit.page.limits6': 'It cannot hide or undo anything your partner already knows.',
  'quickExit.page.adviceHeading': 'When you can',
  'quickExit.page.advice1': 'Use a private (incognito) window, or a device that only you use.',
  'quickExit.page.advice2':
    'Delete this site from your browser history afterwards, if it is safe for you to do so.',
  'quickExit.page.backHome': 'Back to the front page',

  // Shared words
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.tryAgain': 'That did not work. Please try again.',

  // Charts
  'chart.showTable': 'See these numbers as a table',
  'chart.when': 'Week of',
  'chart.nothing': '—',

  // Sharing one item with the partner, in two steps
  'share.onlyYou': 'Only you can see this.',
  'share.private': 'Private: only you can see this.',
  'share.notWithPartner': 'Not shared with {name}.',
  'share.start': 'Share with {name}…',
  'share.confirmHeading': 'Share this with {name}?',
  'share.confirmBody':
    '{name} will be able to read it from now on. You can make it private again at any time.',
  'share.confirm': 'Yes, share it',
  'share.sharing': 'Sharing…',
  'share.cancel': 'Not now',
  'share.sharedWith': 'Shared with {name}.',
  'share.makePrivate': 'Make private again',
  'share.makingPrivate': 'Making private…',
  'share.paused': 'Sharing is resting for now, along with the other shared exercises.',

  // Sharing one item with the couple's therapist (its own choice, apart from the partner)
  'therapistShare.start': 'Share with our therapist…',
  'therapistShare.confirmHeading': 'Share this with your therapist?',
  'therapistShare.confirmBody':
    'Your therapist will be able to read this, as it is now and after any change you make, until you stop sharing it with them.',
  'therapistShare.confirmPartner':
    'This does not share it with your partner, and your partner is not told that you shared it with your therapist.',
  'therapistShare.confirmLog':
    'Each time your therapist opens it, that is noted in your access log, which only you can read.',
  'therapistShare.confirm': 'Yes, share with our therapist',
  'therapistShare.sharing': 'Sharing…',
  'therapistShare.cancel': 'Not now',
  'therapistShare.shared': 'Shared with your therapist.',
  'therapistShare.stop': 'Stop sharing with your therapist',
  'therapistShare.stopping': 'Stopping…',

  // Joint exercises paused (the same words whatever the reason)
  'jointWork.paused':
    'Shared exercises are resting for now. Your own notes, check-ins and the guide are all still here, and you can keep using them.',
  'jointWork.screenInvite':
    'Shared exercises need each partner to take a short private moment on safety first. You have not taken yours yet.',
  'jointWork.screenLink': 'Take the private safety questions',
  'form.errorSummary.heading': 'Please check the following',
  'field.showPassword': 'Show password',
  'field.hidePassword': 'Hide password',
  'error.network': 'We could not reach the server. Please check your connection, then try again.',
  'error.unexpected': 'Something went wrong on our side. Please try again in a moment.',
  'error.signedOut': 'You have been signed out. Please sign in again to carry on.',

  // Front page
  'landing.heading': 'A quiet place to rebuild trust',
  'landing.lead':
    'For couples finding their way after a betrayal: an affair, a long deception, a hidden debt. Healing Hearts walks with you both through the work of repair, one small step at a time, at a pace you can bear.',
  'landing.signUp': 'Create your account',
  'landing.signIn': 'Sign in',
  'landing.goHome': 'Go to your home',
  'landing.signedInAs': 'You are signed in as {name}.',
  'landing.signedOut': 'You are signed out. Take care of yourself.',
  'landing.how.heading': 'How it works',
  'landing.how.accounts.title': 'Two private accounts',
  'landing.how.accounts.body':
    'Each of you has your own account and your own password. There is never a shared login, and what you write is seen by you alone until you choose otherwise.',
  'landing.how.space.title': 'One shared space',
  'landing.how.space.body':
    'One of you creates a space and invites the other with a private link. Inside it, you each decide what to bring in, one item at a time.',
  'landing.how.pace.title': 'The slower partner sets the pace',
  'landing.how.pace.body':
    'Steps you take together open only when you both feel ready. Either of you can slow down or step back, without giving a reason. Going back is part of healing, not a failure.',
  'landing.how.therapist.title': 'A therapist can join later',
  'landing.how.therapist.body':
    'If you work with a couples therapist, you can invite them once you both agree. They see only what you choose to share with them.',
  'landing.data.heading': 'What we do with your data',
  'landing.data.server.title': 'It stays on this server',
  'landing.data.server.body':
    'What you write is kept by whoever runs this copy of Healing Hearts. It is not sent anywhere else.',
  'landing.data.private.title': 'Private by default',
  'landing.data.private.body':
    'Everything you write starts out visible to you only. Your partner does not see it, and cannot tell that it exists.',
  'landing.data.widen.title': 'Only you widen who sees an item',
  'landing.data.widen.body':
    'You share one item at a time, in two clear steps. There is no switch that shares everything at once.',
  'landing.data.noThirdParties.title': 'No ads, trackers or third parties',
  'landing.data.noThirdParties.body':
    'This site loads nothing from other websites, and nobody is paid to watch what you do here.',
  'landing.data.limits.heading': 'Honest limits',
  'landing.data.limits.host':
    'The people who run this server look after its database. Healing Hearts has no screen for reading what you write, but someone with direct access to the server could. Use a copy run by someone you trust.',
  'landing.data.limits.device':
    'Your device and browser keep their own records, such as history. Quick exit helps in a hurry, but it cannot erase them.',
  'landing.data.limits.shared':
    'Once you share something, the other person may have read it. You can narrow who sees it afterwards, but not what they remember.',
  'landing.care':
    'Healing Hearts is not a replacement for therapy or for emergency help. If you are in danger, please contact your local emergency services.',

  // Sign up and sign in
  'auth.signUp.title': 'Create an account',
  'auth.signUp.heading': 'Create your account',
  'auth.signUp.intro':
    'Your account belongs to you alone. If your partner joins, they create their own.',
  'auth.signUp.submit': 'Create my account',
  'auth.signUp.pending': 'Creating your account…',
  'auth.signUp.haveAccount': 'Already have an account?',
  'auth.signUp.toSignIn': 'Sign in',
  'auth.therapistQuestion': 'Are you a therapist?',
  'auth.therapistLink': 'Create a therapist account',
  'auth.signIn.title': 'Sign in',
  'auth.signIn.heading': 'Welcome back',
  'auth.signIn.submit': 'Sign in',
  'auth.signIn.pending': 'Signing in…',
  'auth.signIn.noAccount': 'New here?',
  'auth.signIn.toSignUp': 'Create an account',
  'auth.inviteWaiting': 'Afterwards, we will take you back to your invitation.',
  'auth.field.displayName': 'What should we call you?',
  'auth.field.displayName.hint':
    'Your partner will see this name. A first name or a nickname is enough.',
  'auth.field.email': 'Email address',
  'auth.field.password': 'Password',
  'auth.field.password.hint':
    'At least 8 characters. A few ordinary words together make a strong password that is easy to remember.',

  // Account
  'account.title': 'Account',
  'account.heading': 'Your account',
  'account.loading': 'Loading your account…',
  'account.details.heading': 'Your details',
  'account.accessLog.heading': 'Your therapist and your items',
  'account.accessLog.body':
    'If you share something with your therapist, each time they open it is noted in a list only you can see.',
  'account.accessLog.link': 'Who opened what you shared',
  'account.details.name': 'Name',
  'account.details.email': 'Email',
  'account.sessions.heading': 'Where you are signed in',
  'account.sessions.intro': 'If a device here is not yours, sign it out.',
  'account.sessions.loading': 'Loading your devices…',
  'account.sessions.thisDevice': 'This device',
  'account.sessions.since': 'Signed in {date}',
  'account.sessions.lastSeen': 'Last active {date}',
  'account.sessions.signOut': 'Sign out',
  'account.sessions.signOutWhich': '{device}, signed in {date}',
  'account.sessions.signedOutOne': 'That device is signed out.',
  'account.sessions.signOutOthers': 'Sign out of all other devices',
  'account.sessions.signOutOthers.pending': 'Signing out other devices…',
  'account.sessions.signedOutOthers.none': 'There were no other devices to sign out.',
  'account.sessions.signedOutOthers.one': 'Signed out of 1 other device.',
  'account.sessions.signedOutOthers.many': 'Signed out of {count} other devices.',
  'account.signOut.heading': 'Sign out',
  'account.signOut.body': 'Sign out of this device when you finish, especially if others use it.',
  'account.signOut.button': 'Sign out',
  'account.signOut.pending': 'Signing out…',

  // Home and the shared space
  'space.title': 'Home',
  'space.greeting': 'Hello, {name}.',
  'space.loading': 'Loading your space…',
  'space.none.heading': 'Your private space',
  'space.none.body':
    'A space is where the two of you can meet, when you are ready. Create one, and then you can invite your partner with a private link.',
  'space.none.body2':
    'Creating a space shares nothing. You choose what to bring into it, one item at a time.',
  'space.none.joinHint':
    'If your partner has already sent you an invite link, open that link instead to join their space.',
  'space.none.create': 'Create our private space',
  'space.none.pending': 'Creating your space…',
  'space.created': 'Your space is ready.',
  'space.waiting.heading': 'Invite your partner',
  'space.waiting.body':
    'Your partner joins with a private link from you. They create their own account, with their own password.',
  'space.waiting.body2':
    'Nothing is shared when they join. Each of you decides what to share, and when.',
  'space.together.heading': 'Your shared space',
  'space.together.since': 'You and {name} have shared this space since {date}.',
  'space.leave.heading': 'Leave this space',
  'space.leave.intro':
    'You can leave at any time. Before anything happens, we will explain what leaving means.',
  'space.leave.button': 'Leave this space',
  'space.leave.dialog.heading': 'Leave this space?',
  'space.leave.dialog.partnerKeeps': '{name} keeps the space.',
  'space.leave.dialog.private': 'Your private items stay yours, in your account.',
  'space.leave.dialog.shared': 'You will no longer see anything that was shared in this space.',
  'space.leave.dialog.later':
    'Later, you can create a new space, or join one with a new invite link.',
  'space.leave.dialog.confirm': 'Leave the space',
  'space.leave.dialog.pending': 'Leaving…',
  'space.leave.dialog.cancel': 'Stay',
  'space.leave.done': 'You have left the space.',

  // Invites
  'invites.loading': 'Checking for an invite link…',
  'invites.none': 'There is no invite link yet.',
  'invites.create': 'Create an invite link',
  'invites.pending': 'Creating a link…',
  'invites.new.heading': 'Your invite link',
  'invites.new.once':
    'This link is shown only this once. Copy it now, and send it to your partner in a way only they will see.',
  'invites.new.label': 'Invite link',
  'invites.new.expires': 'It works once, until {date}.',
  'invites.copy': 'Copy link',
  'invites.copied': 'Link copied.',
  'invites.copyFallback': 'The link is selected. Press Ctrl+C, or Command+C on a Mac, to copy it.',
  'invites.active': 'An invite link is active until {date}.',
  'invites.active.hidden':
    'For your privacy, a link is shown only once, when it is made. If you did not keep it, make a new one.',
  'invites.remake': 'Make a new link',
  'invites.remake.note': 'A new link stops the earlier one from working.',
  'invites.cancel': 'Cancel this link',
  'invites.cancel.pending': 'Cancelling…',
  'invites.cancelled': 'The link is cancelled. It no longer works.',
  'invites.partnerJoined': 'Your partner has joined your space.',

  // Joining by link
  'join.title': 'Join a space',
  'join.heading': 'An invitation',
  'join.loading': 'Checking your invite link…',
  'join.preview': '{name} invited you to a private space.',
  'join.expires': 'This invitation is open until {date}.',
  'join.what':
    'Joining connects your two accounts in one space. Joining shares nothing: each of you chooses what to share, one item at a time.',
  'join.signedOut':
    'To join, create your own account, or sign in if you already have one. We will bring you back here afterwards.',
  'join.signUp': 'Create my account',
  'join.signIn': 'I already have an account',
  'join.signedInAs': 'You are signed in as {name}.',
  'join.accept': 'Join',
  'join.accepting': 'Joining…',
  'join.joined': 'You have joined the space.',
  'join.missing.heading': 'No invite link found',
  'join.missing.body':
    'This page opens from an invite link. If your partner sent you one, please open the whole link from their message.',
  'join.invalid.heading': 'This link does not work any more',
  'join.invalid.body':
    'An invite link stops working when it expires, once it has been used, or when a newer link replaces it. You have done nothing wrong. When you are both ready, you could ask for a new one.',
  'join.already.heading': 'You are already in a space',
  'join.already.body':
    'You can be in one space at a time. To join this one, first leave your current space from your Home page.',
  'join.full.heading': 'This space is already complete',
  'join.full.body': 'Two people already share this space, so it cannot take another.',
  'join.goHome': 'Go to Home',
  'join.goFront': 'Go to the front page',

  // When something goes wrong
  'notFound.title': 'Page not found',
  'notFound.heading': 'We could not find that page',
  'notFound.body': 'The address may be mistyped, or the page may have moved.',
  'notFound.home': 'Go to the front page',
  'crash.title': 'Something went wrong',
  'crash.heading': 'Something went wrong',
  'crash.body':
    'This page ran into a problem. Reloading usually helps, and nothing you saved is lost.',
  'crash.reload': 'Reload the page',
} as const;

/**
 * The whole catalog: the core's words above, then one file per feature in `en/<feature>.ts`,
 * whose keys all start with the feature's name.
 */
export const en = {
  ...core,
  ...layout,
  ...safety,
  ...safetyScreen,
  ...today,
  ...progress,
  ...measures,
  ...injuries,
  ...program,
  ...guide,
  ...impactLetter,
  ...triggers,
  ...checkins,
  ...sessionPrep,
  ...accessLog,
  ...therapist,
  ...messages,
  ...practice,
  ...twoStep,
  ...myData,
  ...account,
  ...forms,
  ...comments,
  ...notifications,
  ...questions,
  ...apology,
  ...disclosures,
  ...listening,
  ...agreements,
  ...transparency,
  ...reconnecting,
  ...contactLog,
  ...forgiveness,
  ...decision,
  ...meaning,
  ...goals,
} as const;

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;
