import type { TestApp, TestClient } from '../../helpers/test-app';
import { accessLogCanary } from './access-log';
import { accountCanary } from './account';
import { checkinsCanary } from './checkins';
import { guideCanary } from './guide';
import { impactLetterCanary } from './impact-letter';
import { injuriesCanary } from './injuries';
import { measuresCanary } from './measures';
import { messagesCanary } from './messages';
import { practiceCanary } from './practice';
import { programCanary } from './program';
import { safetyCanary } from './safety';
import { safetyScreenCanary } from './safety-screen';
import { sessionPrepCanary } from './session-prep';
import { therapistShareCanary } from './therapist-share';
import { therapistCanary } from './therapist';
import { todayCanary } from './today';
import { triggersCanary } from './triggers';

export type Person = TestClient & { email: string; userId: string };

/**
 * One feature's turn in the log canary test: send `canary` through every route of the feature
 * (in bodies, query strings and ids), as two partners of one space. The test then checks that
 * the canary never reached the log. Each feature adds its step in `<feature>.ts` and lists it here.
 */
export type CanaryStep = (
  couple: { a: Person; b: Person },
  canary: string,
  /** The app, for steps that need a therapist linked with the couple (`linkTherapist`). */
  t: TestApp,
) => Promise<void>;

export const FEATURE_CANARY_STEPS: Record<string, CanaryStep> = {
  'access-log': accessLogCanary,
  account: accountCanary,
  checkins: checkinsCanary,
  guide: guideCanary,
  'impact-letter': impactLetterCanary,
  injuries: injuriesCanary,
  measures: measuresCanary,
  messages: messagesCanary,
  practice: practiceCanary,
  program: programCanary,
  safety: safetyCanary,
  'safety-screen': safetyScreenCanary,
  'session-prep': sessionPrepCanary,
  'therapist-share': therapistShareCanary,
  therapist: therapistCanary,
  today: todayCanary,
  triggers: triggersCanary,
};
