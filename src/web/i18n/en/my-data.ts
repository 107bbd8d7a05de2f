/** "My data": download everything, and deleting the account. */
export const myData = {
  'myData.export.heading': 'Download my data',
  'myData.export.lead':
    'A copy of everything you wrote, and of what your partner chose to share with you, as a zip file. Inside is a page you can open in any browser and the same data for other programs. Nothing your partner kept private is in it.',
  'myData.export.button': 'Download my data',
  'myData.export.pending': 'Preparing…',
  'myData.export.progress': 'Downloading your data',
  'myData.export.progressText': '{received} received',
  'myData.export.done': 'Your data is downloaded. Keep the file somewhere only you can open.',
  'myData.export.failed': 'The download stopped part-way. Please try again.',

  'myData.erase.heading': 'Delete my account',
  'myData.erase.lead': 'What happens if you delete your account:',
  'myData.erase.rule.private': 'Everything you kept private is deleted.',
  'myData.erase.rule.shared':
    'What you shared with your partner is deleted too: your check-ins, notes, letters and reflections, and your messages with your therapist. Your partner keeps everything they wrote themselves.',
  'myData.erase.rule.coauthored':
    'What the two of you made together — the injuries you named and your trigger plan, with its earlier versions — stays with your partner, so their record stays whole. Your name on it becomes "Former partner".',
  'myData.erase.rule.therapist':
    'Any therapist you shared with can no longer see anything of yours.',
  'myData.erase.rule.log':
    'The record of when a therapist opened your items keeps only numbers (ids), never what you wrote.',
  'myData.erase.rule.wait':
    'It happens {days} days after you ask. Until then you can change your mind here. We send one email when you ask and a last one when it is done.',
  'myData.erase.button': 'Delete my account in {days} days',
  'myData.erase.confirmTitle': 'Delete your account?',
  'myData.erase.confirmBody':
    'Your account and what you wrote will be deleted in {days} days, unless you cancel before then.',
  'myData.erase.confirm': 'Yes, delete it in {days} days',
  'myData.erase.keep': 'Keep my account',
  'myData.erase.scheduled': 'Your account is set to be deleted on {date}. You can still cancel.',
  'myData.erase.cancel': 'Cancel the deletion',
  'myData.erase.cancelled': 'The deletion is cancelled. Your account stays as it is.',
  'myData.erase.loading': 'Loading…',
} as const;
