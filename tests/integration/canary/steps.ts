import { FEATURE_MANIFESTS } from '#server/manifests.ts';
import type { TestApp, TestClient } from '../../helpers/test-app';

export type Person = TestClient & { email: string; userId: string };

/**
 * One feature's turn in the log canary test: send `canary` through every route of the feature
 * (in bodies, query strings and ids), as two partners of one space. The test then checks that
 * the canary never reached the log. A feature writes its step in `<name>.ts` (exporting one
 * function) and names the file in its manifest (`tests.canary`); `manifest-coverage.test.ts`
 * says what is missing.
 */
export type CanaryStep = (
  couple: { a: Person; b: Person },
  canary: string,
  /** The app, for steps that need a therapist linked with the couple (`linkTherapist`). */
  t: TestApp,
) => Promise<void>;

/** Steps of the core rather than of one feature: the therapist share spans four features. */
export const CORE_CANARY_STEPS = ['therapist-share'];

/** Every step file in this folder, by name, with the functions it exports. */
export const CANARY_FILES: Map<string, CanaryStep[]> = new Map(
  Object.entries(
    import.meta.glob<Record<string, unknown>>(['./*.ts', '!./steps.ts'], { eager: true }),
  ).map(([file, module]) => [
    file.replace(/^\.\//, '').replace(/\.ts$/, ''),
    Object.values(module).filter((v): v is CanaryStep => typeof v === 'function'),
  ]),
);

/** The step in `<name>.ts`; a clear error when the file is missing or exports no single step. */
export function canaryStep(name: string): CanaryStep {
  const steps = CANARY_FILES.get(name);
  if (!steps || steps.length !== 1) {
    throw new Error(
      `tests/integration/canary/${name}.ts should exist and export exactly one canary step.`,
    );
  }
  return steps[0]!;
}

/** The steps the log canary test runs: the core's, then each one a manifest names. */
export const FEATURE_CANARY_STEPS: Record<string, CanaryStep> = Object.fromEntries(
  [
    ...new Set([
      ...CORE_CANARY_STEPS,
      ...FEATURE_MANIFESTS.flatMap((m) => (m.tests.canary ? [m.tests.canary] : [])),
    ]),
  ].map((name) => [name, canaryStep(name)]),
);
