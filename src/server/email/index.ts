export {
  createMailer,
  messageIdFor,
  outboxFolder,
  type Mailer,
  type OutgoingEmail,
} from './mailer';
export { deliverEmail, EMAIL_JOB, registerEmailJob, sendEmail, type EmailRequest } from './send';
export {
  emailTemplates,
  emailTime,
  renderEmail,
  type EmailData,
  type EmailTemplate,
} from './templates';
