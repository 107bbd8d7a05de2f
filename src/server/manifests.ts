import { accessLogManifest } from './features/access-log/manifest';
import { accountManifest } from './features/account/manifest';
import { checkinsManifest } from './features/checkins/manifest';
import { commentsManifest } from './features/comments/manifest';
import { guideManifest } from './features/guide/manifest';
import { impactLetterManifest } from './features/impact-letter/manifest';
import { injuriesManifest } from './features/injuries/manifest';
import { invitesManifest } from './features/invites/manifest';
import { measuresManifest } from './features/measures/manifest';
import { messagesManifest } from './features/messages/manifest';
import { myDataManifest } from './features/my-data/manifest';
import { practiceManifest } from './features/practice/manifest';
import { programManifest } from './features/program/manifest';
import { progressManifest } from './features/progress/manifest';
import { safetyScreenManifest } from './features/safety-screen/manifest';
import { safetyManifest } from './features/safety/manifest';
import { sessionPrepManifest } from './features/session-prep/manifest';
import { spaceManifest } from './features/space/manifest';
import { therapistManifest } from './features/therapist/manifest';
import { todayManifest } from './features/today/manifest';
import { triggersManifest } from './features/triggers/manifest';
import { agreementsManifest } from './features/agreements/manifest';
import { transparencyManifest } from './features/transparency/manifest';
import { notificationsManifest } from './features/notifications/manifest';
import { questionsManifest } from './features/questions/manifest';
import { apologyManifest } from './features/apology/manifest';
import { disclosuresManifest } from './features/disclosures/manifest';
import { listeningManifest } from './features/listening/manifest';
import { reconnectingManifest } from './features/reconnecting/manifest';
import { contactLogManifest } from './features/contact-log/manifest';
import { forgivenessManifest } from './features/forgiveness/manifest';
import { decisionManifest } from './features/decision/manifest';
import { goalsManifest } from './features/goals/manifest';
import { composeFeatures, type FeatureManifest } from './policy/manifest';

import { meaningManifest } from './features/meaning/manifest';
/**
 * Every feature's manifest (decision 0038). Like `app.ts`, this is the shell: the one place that
 * imports every feature's manifest. The order is the order readers list things in (shared kinds
 * in session prep, milestones at one moment on the progress page). A new feature adds one line.
 */
export const FEATURE_MANIFESTS: readonly FeatureManifest[] = [
  checkinsManifest,
  triggersManifest,
  guideManifest,
  impactLetterManifest,
  measuresManifest,
  injuriesManifest,
  programManifest,
  messagesManifest,
  practiceManifest,
  accessLogManifest,
  accountManifest,
  invitesManifest,
  myDataManifest,
  progressManifest,
  safetyManifest,
  safetyScreenManifest,
  sessionPrepManifest,
  spaceManifest,
  therapistManifest,
  todayManifest,
  commentsManifest,
  notificationsManifest,
  questionsManifest,
  apologyManifest,
  disclosuresManifest,
  listeningManifest,
  agreementsManifest,
  transparencyManifest,
  reconnectingManifest,
  contactLogManifest,
  forgivenessManifest,
  decisionManifest,
  meaningManifest,
  goalsManifest,
];

/** The manifests put together: what `ServerContext.features` carries. */
export const FEATURES = composeFeatures(FEATURE_MANIFESTS);
