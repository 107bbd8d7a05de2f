import type { FeatureManifest } from '#server/policy/manifest.ts';

/** What the coverage check knows besides the manifests: the feature folders and the test files. */
export interface CoverageFacts {
  /** Folder names under `src/server/features`. */
  featureFolders: string[];
  /** `tests/integration/canary/<name>.ts`: how many canary steps each exports. */
  canaryFiles: Map<string, number>;
  /** `tests/integration/authz/<name>.rows.ts`: how many rows each holds (-1: not one list). */
  rowFiles: Map<string, number>;
  /** Files of the core (not of one feature), which no manifest needs to name. */
  coreCanary: string[];
  coreRows: string[];
  /** The API's names for shared kinds, news kinds and milestones (`src/shared/schemas`). */
  sharedKinds: readonly string[];
  therapistKinds: readonly string[];
  newsKinds: readonly string[];
  milestones: readonly string[];
  /** The API's names for kinds that can carry comments (COMMENT_ITEM_KINDS); optional for old callers. */
  commentKinds?: readonly string[];
}

/**
 * Everything a feature manifest or its tests still lack, one plain sentence each, for a newcomer
 * who added a feature or a kind and wants to know what they forgot. Empty when all is in place.
 */
export function whatIsMissing(
  manifests: readonly FeatureManifest[],
  facts: CoverageFacts,
): string[] {
  const out: string[] = [];
  const names = new Set(manifests.map((m) => m.name));
  for (const folder of facts.featureFolders) {
    if (!names.has(folder)) {
      out.push(
        `The feature "${folder}" has no manifest: write src/server/features/${folder}/manifest.ts and list it in src/server/manifests.ts.`,
      );
    }
  }
  for (const m of manifests) {
    if (!facts.featureFolders.includes(m.name)) {
      out.push(`The manifest "${m.name}" names no folder under src/server/features.`);
    }
    const canary = m.tests.canary;
    if (canary !== null && facts.canaryFiles.get(canary) !== 1) {
      out.push(
        `The feature "${m.name}" names the canary step "${canary}", but tests/integration/canary/${canary}.ts does not exist or does not export exactly one step.`,
      );
    }
    const rows = facts.rowFiles.get(m.tests.authz);
    if (rows === undefined || rows < 1) {
      out.push(
        `The feature "${m.name}" names the authorization rows "${m.tests.authz}", but tests/integration/authz/${m.tests.authz}.rows.ts does not exist or holds no list of rows.`,
      );
    }
    for (const kind of m.shareable ?? []) {
      const what = `The shareable kind "${kind.kind}" (${kind.title}, feature "${m.name}")`;
      if (canary === null) {
        out.push(
          `${what} has no canary step: write tests/integration/canary/${m.name}.ts, sending a canary word through every route of the kind, and name it in the manifest's tests.canary.`,
        );
      }
      if (rows === undefined || rows < 1) {
        out.push(
          `${what} has no authorization rows: write tests/integration/authz/${m.name}.rows.ts with a row per route, and name it in the manifest's tests.authz.`,
        );
      }
      if (typeof kind.present !== 'function') {
        out.push(`${what} has no presenter: give it present(row, words) in its manifest.`);
      }
      if (kind.therapist && typeof kind.accessDate !== 'function') {
        out.push(
          `${what} may be shared with a therapist but has no accessDate: the access log could not name the item.`,
        );
      }
    }
  }
  const named = (list: (string | null)[]) => new Set(list.filter((x): x is string => x !== null));
  const canaries = named([...facts.coreCanary, ...manifests.map((m) => m.tests.canary)]);
  for (const file of facts.canaryFiles.keys()) {
    if (!canaries.has(file)) {
      out.push(
        `tests/integration/canary/${file}.ts is named by no manifest, so it never runs: name it in its feature's manifest (tests.canary).`,
      );
    }
  }
  const rowNames = named([...facts.coreRows, ...manifests.map((m) => m.tests.authz)]);
  for (const file of facts.rowFiles.keys()) {
    if (!rowNames.has(file)) {
      out.push(
        `tests/integration/authz/${file}.rows.ts is named by no manifest, so its rows never run: name it in its feature's manifest (tests.authz).`,
      );
    }
  }
  const kinds = manifests.flatMap((m) => m.shareable ?? []);
  for (const name of facts.sharedKinds) {
    if (!kinds.some((k) => k.kind === name)) {
      out.push(
        `The API knows the shared kind "${name}", but no feature manifest declares it (with its table, branch and presenter).`,
      );
    }
  }
  for (const k of kinds) {
    if (!facts.sharedKinds.includes(k.kind)) {
      out.push(
        `The manifests declare the shared kind "${k.kind}", but the API's list of kinds (PREP_KINDS, PRACTICE_ITEM_KINDS in src/shared/schemas) does not have it.`,
      );
    }
  }
  const therapist: string[] = kinds.filter((k) => k.therapist).map((k) => k.kind);
  for (const name of therapist) {
    if (!facts.therapistKinds.includes(name)) {
      out.push(
        `The shared kind "${name}" may go to a therapist, but the access log's kinds (ACCESS_ITEM_KINDS) do not have it.`,
      );
    }
  }
  for (const name of facts.therapistKinds) {
    if (!therapist.includes(name)) {
      out.push(
        `The access log knows the kind "${name}", but no manifest declares it as one a therapist may see.`,
      );
    }
  }
  const news = new Set(manifests.flatMap((m) => (m.news ?? []).map((n) => n.kind as string)));
  for (const name of facts.newsKinds) {
    if (!news.has(name)) {
      out.push(`Today knows the news kind "${name}", but no feature manifest counts it (news).`);
    }
  }
  const milestones = new Set(
    manifests.flatMap((m) => (m.milestones ?? []).map((s) => s.key as string)),
  );
  for (const key of facts.milestones) {
    if (!milestones.has(key)) {
      out.push(`Progress knows the milestone "${key}", but no feature manifest finds it.`);
    }
  }
  if (facts.commentKinds) {
    const commentable = composeCommentable(manifests);
    for (const name of facts.commentKinds) {
      if (!commentable.includes(name)) {
        out.push(
          `The API knows the commentable kind "${name}", but no manifest says it can carry comments (a shareable kind's comments flag, or commentable).`,
        );
      }
    }
    for (const name of commentable) {
      if (!facts.commentKinds.includes(name)) {
        out.push(
          `The manifests say "${name}" can carry comments, but the API's list (COMMENT_ITEM_KINDS in src/shared/schemas/comments.ts) does not have it.`,
        );
      }
    }
  }
  return out;
}

/** The kinds the manifests say can carry comments, as `composeFeatures` gathers them. */
function composeCommentable(manifests: readonly FeatureManifest[]): string[] {
  return [
    ...manifests.flatMap((m) => (m.shareable ?? []).filter((k) => k.comments).map((k) => k.kind)),
    ...manifests.flatMap((m) => (m.commentable ?? []).map((k) => k.kind)),
  ];
}
