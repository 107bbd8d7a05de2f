import { accessLogRows } from './access-log.rows';
import { accountRows } from './account.rows';
import { checkinRows } from './checkins.rows';
import { coreRows } from './core.rows';
import { guideRows } from './guide.rows';
import { impactLetterRows } from './impact-letter.rows';
import { injuryRows } from './injuries.rows';
import { measuresRows } from './measures.rows';
import { messagesRows } from './messages.rows';
import { practiceRows } from './practice.rows';
import { programRows } from './program.rows';
import { safetyRows } from './safety.rows';
import { safetyScreenRows } from './safety-screen.rows';
import { sessionPrepRows } from './session-prep.rows';
import { therapistShareRows } from './therapist-share.rows';
import { therapistRows } from './therapist.rows';
import { todayRows } from './today.rows';
import { triggerRows } from './triggers.rows';
import { twoStepRows } from './two-step.rows';
import type { Row } from './world';

/** Every row of the matrix: the core's, then one file per feature (`<feature>.rows.ts`). */
export const MATRIX: Row[] = [
  ...coreRows,
  ...accountRows,
  ...accessLogRows,
  ...checkinRows,
  ...guideRows,
  ...impactLetterRows,
  ...injuryRows,
  ...measuresRows,
  ...messagesRows,
  ...practiceRows,
  ...programRows,
  ...safetyRows,
  ...safetyScreenRows,
  ...sessionPrepRows,
  ...therapistShareRows,
  ...therapistRows,
  ...todayRows,
  ...triggerRows,
  ...twoStepRows,
];
