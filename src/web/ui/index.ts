export {
  AnnouncementRegion,
  AnnouncerProvider,
  useAnnounce,
  useClearStaleAnnouncement,
} from './announcer';
export {
  Button,
  buttonClass,
  buttonRowClass,
  type ButtonProps,
  type ButtonVariant,
} from './button';
export { cx } from './class-names';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
export { ErrorSummary, type FieldProblem } from './error-summary';
export { focusPageHeading } from './focus';
export { formatDate, formatDateTime, formatDay, formatMonth } from './format';
export { Page, Panel, usePageTitle } from './page';
export { LoadError, Loading, Notice } from './status';
export { TextField, type TextFieldProps } from './text-field';
export { HeartMark } from './heart-mark';
export {
  fieldErrorsFromZod,
  pickKnownFields,
  summaryProblems,
  useFormErrors,
  type FormErrors,
} from './form-errors';
export { JointWorkPaused } from './joint-work-paused';
export { ShareControl, type ShareControlProps } from './share-control';
export { TherapistShareControl, type TherapistShareControlProps } from './therapist-share-control';
// LineChart (and uPlot with it) is imported from './line-chart' directly by the pages that draw
// one: exported from here it would ride along with every page that uses anything else (decision 0028).
export { setNeutralTab } from './tab-appearance';
