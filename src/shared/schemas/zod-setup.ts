import { z } from 'zod';

/**
 * Zod's global settings, imported before any schema is built (first import of the web entry and
 * of common.ts).
 *
 * `jitless`: zod otherwise probes `new Function('')` once to see whether it may compile fast
 * parsers; under our CSP (no 'unsafe-eval') that probe is reported as a violation on every page.
 *
 * `customError`: every message zod writes itself is replaced by one of ours, so no raw
 * "Invalid input: expected object, received undefined" ever reaches a person. A schema's own
 * message still wins over these.
 */
type Issue = z.core.$ZodRawIssue;

function describeType(expected: string, input: unknown): string {
  if (input === undefined) {
    return expected === 'object'
      ? 'Nothing was sent. Please fill in the form and try again.'
      : 'Please fill this in.';
  }
  switch (expected) {
    case 'string':
      return 'Please enter text here.';
    case 'number':
    case 'int':
    case 'bigint':
      return 'Please enter a number here.';
    case 'boolean':
      return 'Please choose yes or no here.';
    case 'array':
      return 'This needs a list. Please reload the page and try again.';
    case 'object':
      return 'This needs a set of fields. Please reload the page and try again.';
    default:
      return 'This is not the kind of value we expected. Please check it and try again.';
  }
}

function sizeMessage(origin: string, limitValue: unknown, bound: 'max' | 'min'): string {
  const limit = Number(limitValue);
  switch (origin) {
    case 'string':
      if (bound === 'min' && limit <= 1) return 'Please fill this in.';
      return bound === 'max'
        ? `Please keep this to ${limit} characters or fewer.`
        : `Please write at least ${limit} characters.`;
    case 'array':
    case 'set':
      if (bound === 'min' && limit <= 1) return 'Please choose at least one.';
      return bound === 'max'
        ? `Please choose no more than ${limit}.`
        : `Please choose at least ${limit}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return bound === 'max'
        ? `Please choose a number no higher than ${limit}.`
        : `Please choose a number no lower than ${limit}.`;
    default:
      return bound === 'max' ? 'This is too large.' : 'This is too small.';
  }
}

export function ourZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return describeType(String(issue.expected), issue.input);
    case 'too_big':
      return sizeMessage(issue.origin, issue.maximum, 'max');
    case 'too_small':
      return sizeMessage(issue.origin, issue.minimum, 'min');
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Please enter an email address, like name@example.org.'
        : 'This is not in the form we expected. Please check it and try again.';
    case 'not_multiple_of':
      return 'Please enter a whole number here.';
    case 'unrecognized_keys': {
      // Naming the fields helps whoever wrote the request or a content file; a few, kept short.
      const names = issue.keys.slice(0, 3).map((key) => key.slice(0, 40));
      const more = issue.keys.length > names.length ? ', …' : '';
      return `This has fields we do not expect (${names.join(', ')}${more}). Please reload the page and try again.`;
    }
    case 'invalid_value':
    case 'invalid_union':
      return 'Please choose one of the offered options.';
    default:
      return 'This value is not valid here. Please check it and try again.';
  }
}

/**
 * Applies the settings. Called, not merely imported: the web build treats our modules as free of
 * side effects (decision 0028), so a bare `import './zod-setup'` would be dropped from the bundle.
 * Calling it twice is harmless.
 */
export function configureZod(): void {
  z.config({ jitless: true, customError: ourZodMessage });
}

configureZod();
