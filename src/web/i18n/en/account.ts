/** Account settings and the pages reached from account emails. */
export const account = {
  'account.checkEmail.title': 'Check your email',
  'account.checkEmail.heading': 'Check your email',
  'account.checkEmail.body':
    'We have sent a message to the address you gave. It says what to do next. It can take a few minutes to arrive; please look in your spam folder too.',
  'account.checkEmail.signIn': 'Go to sign in',

  'account.verify.title': 'Confirm your email',
  'account.verify.heading': 'Confirm your email address',
  'account.verify.working': 'Confirming your address…',
  'account.verify.done': 'Thank you. Your email address is confirmed.',
  'account.verify.continue': 'Continue',
  'account.verify.noLink':
    'This page needs the link from your email. Please open the link again from the email.',

  'account.forgot.title': 'Forgotten password',
  'account.forgot.heading': 'Choose a new password',
  'account.forgot.intro':
    'Enter the email address of your account. We will send a link to choose a new password. The link works once, for 15 minutes.',
  'account.forgot.submit': 'Send the link',
  'account.forgot.pending': 'Sending…',
  'account.forgot.sent':
    'If that address has an account, a link is on its way. It can take a few minutes; please look in your spam folder too.',
  'account.forgot.link': 'Forgotten your password?',

  'account.reset.title': 'New password',
  'account.reset.heading': 'Choose a new password',
  'account.reset.intro':
    'Choose a password you do not use anywhere else. When you save it, every device signed in to your account is signed out.',
  'account.reset.password': 'New password',
  'account.reset.submit': 'Save the new password',
  'account.reset.pending': 'Saving…',
  'account.reset.done': 'Your new password is saved. Please sign in with it.',
  'account.reset.again': 'Ask for a new link',

  'account.emailConfirm.title': 'Confirm your new email',
  'account.emailConfirm.heading': 'Confirm your new email address',
  'account.emailConfirm.intro': 'Your account will use this address from now on.',
  'account.emailConfirm.submit': 'Confirm the new address',
  'account.emailConfirm.pending': 'Confirming…',
  'account.emailConfirm.done': 'Done. Your account now uses the new address.',

  'account.email.heading': 'Email address',
  'account.email.current': 'Your account uses {email}.',
  'account.email.unverified':
    'This address is not confirmed yet. Until it is, nobody can find your account by it. We sent a link when you signed up.',
  'account.email.resend': 'Send the link again',
  'account.email.resent': 'A new link is on its way.',
  'account.email.new': 'New email address',
  'account.email.hint':
    'Before the link is sent, we ask you to confirm it is you with your password or a code.',
  'account.email.submit': 'Change my email',
  'account.email.pending': 'Sending…',
  'account.email.sent':
    'We sent a link to the new address. Your account moves there once you open it. Your current address will be told.',

  'account.password.heading': 'Password',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.hint': 'At least 8 characters. A few unrelated words together work well.',
  'account.password.submit': 'Change my password',
  'account.password.pending': 'Saving…',
  'account.password.done': 'Your password is changed. Your other devices have been signed out.',

  'account.name.heading': 'Your name',
  'account.name.label': 'What should we call you?',
  'account.name.submit': 'Save my name',
  'account.name.pending': 'Saving…',
  'account.name.done': 'Your name is saved.',

  'account.activity.heading': 'Recent activity',
  'account.activity.intro':
    'Sign-ins and changes to your account, newest first. The device is a rough guess from the browser; we never record where you are.',
  'account.activity.loading': 'Loading recent activity…',
  'account.activity.none': 'Nothing yet.',
  'account.activity.entry': '{what} · {device} · {when}',
  'account.activity.kind.sign-in': 'Signed in',
  'account.activity.kind.password-changed': 'Password changed',
  'account.activity.kind.password-reset': 'Password reset by email',
  'account.activity.kind.email-change-requested': 'Asked to change the email address',
  'account.activity.kind.email-changed': 'Email address changed',
  'account.activity.kind.email-verified': 'Email address confirmed',
  'account.activity.kind.name-changed': 'Name changed',
  'account.activity.kind.signed-out-everywhere': 'Signed out everywhere',
  'account.activity.kind.other': 'Account change',

  'account.everywhere.heading': 'Sign out everywhere',
  'account.everywhere.body':
    'Signs out every device signed in to your account, this one too. Useful if you think someone else may be signed in.',
  'account.everywhere.button': 'Sign out everywhere',
  'account.everywhere.pending': 'Signing out…',
} as const;
