/**
 * Notifications (issue 12). Every entry is built from its kind and the actor's name only: never
 * a word of what anyone wrote, a feeling, or a name from outside the couple and their therapist.
 */
export const notifications = {
  'notifications.title': 'Notifications',
  'notifications.heading': 'Notifications',
  'notifications.lead':
    'What your partner or your therapist did that is waiting for you. Nothing here repeats what anyone wrote.',
  'notifications.loading': 'Loading your notifications…',
  'notifications.empty': 'Nothing new. When something is waiting for you, it shows here.',
  'notifications.listHeading': 'Newest first',
  'notifications.unreadCount': '{count} unread',
  'notifications.markAll': 'Mark all as read',
  'notifications.markOne': 'Mark as read',
  'notifications.markedAll': 'All your notifications are marked as read.',
  'notifications.unreadTag': 'New',
  'notifications.more': 'Show older notifications',
  'notifications.loadingMore': 'Loading older notifications…',
  'notifications.someone': 'Someone',
  'notifications.kind.comment': '{name} commented on something shared with you',
  'notifications.kind.reply': '{name} replied to a comment',
  'notifications.kind.shared': '{name} shared something with you',
  'notifications.kind.therapist': 'A new message from {name}',
  'notifications.kind.reminder': 'A check-in day you set with {name} has come',
  'notifications.kind.review': 'An agreement with {name} is ready to look at again',
  'notifications.kind.hard_date': 'A date in the plan you made with {name} is a few days away',
  'notifications.open': 'Open',
  'notifications.settingsLink': 'Choose what you are notified of',

  'notifications.settings.title': 'Notification settings',
  'notifications.settings.heading': 'What you are notified of',
  'notifications.settings.lead':
    'Notifications only ever say who did something, never what they wrote. Emails say even less: only that something is waiting, from a neutral sender.',
  'notifications.settings.loading': 'Loading your settings…',
  'notifications.settings.kindsLegend': 'How you hear of each',
  'notifications.settings.kind.comment': 'New comments on things I can see',
  'notifications.settings.kind.reply': 'Replies to my comments',
  'notifications.settings.kind.shared': 'My partner shares something with me',
  'notifications.settings.kind.therapist': 'Messages from our therapist',
  'notifications.settings.kind.reminder':
    'Reminders of days we set (such as a check-in on a commitment)',
  'notifications.settings.kind.review': 'An agreement of ours reaches its review date',
  'notifications.settings.kind.hard_date': 'A date in our hard-dates plan is a few days away',
  'notifications.settings.channel.in_app': 'In the app',
  'notifications.settings.channel.email': 'In the app and by email',
  'notifications.settings.channel.off': 'Off',
  'notifications.settings.commentLegend': 'Comments on an item: notify me of',
  'notifications.settings.comment.all': 'Every new comment',
  'notifications.settings.comment.replies': 'Only replies to me',
  'notifications.settings.comment.none': 'Nothing',
  'notifications.settings.commentHint': 'You can change this for each item under its comments.',
  'notifications.settings.quietLegend': 'Quiet hours',
  'notifications.settings.quietOn': 'Keep quiet hours',
  'notifications.settings.quietHint':
    'In the app, notifications wait quietly in the list at any hour. Emails wait until your quiet hours end, and are not sent at all if you have read the notification in the app by then.',
  'notifications.settings.quietStart': 'From',
  'notifications.settings.quietEnd': 'Until',
  'notifications.settings.timeZone': 'Your time zone',
  'notifications.settings.timeZoneHint':
    'Used for quiet hours and, later, for reminders at your local time. Your browser says {zone}.',
  'notifications.settings.save': 'Save settings',
  'notifications.settings.saved': 'Your notification settings are saved.',
  'notifications.settings.conflict':
    'These settings changed in another window. The form now shows them as saved; make your change again.',
  'notifications.settings.back': 'Back to notifications',
} as const;
