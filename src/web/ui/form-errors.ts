import { useCallback, useState } from 'react';
import type { ZodError } from 'zod';

export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  /** A problem with the whole form, such as a message from the server. */
  message?: string | undefined;
  /** Goes up on every failed submit, so the error summary takes focus each time. */
  focusKey: number;
}

/**
 * Holds what went wrong with a form. Errors stay until the next submit, so the page does not
 * shift while someone is fixing them.
 */
export function useFormErrors<Field extends string>() {
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, focusKey: 0 });

  const show = useCallback((fields: Partial<Record<Field, string>>, message?: string) => {
    setErrors((previous) => ({ fields, message, focusKey: previous.focusKey + 1 }));
  }, []);

  const clear = useCallback(() => {
    setErrors((previous) => ({ fields: {}, focusKey: previous.focusKey }));
  }, []);

  return { errors, show, clear };
}

/** The first message for each known field, in the order the fields are listed. */
export function fieldErrorsFromZod<Field extends string>(
  error: ZodError,
  known: readonly Field[],
): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const name = issue.path[0];
    const field = known.find((candidate) => candidate === name);
    if (field && !result[field]) result[field] = issue.message;
  }
  return result;
}

/** Keeps only the fields this form has, in the form's order. */
export function pickKnownFields<Field extends string>(
  fields: Record<string, string>,
  known: readonly Field[],
): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const field of known) {
    const message = fields[field];
    if (message) result[field] = message;
  }
  return result;
}

/** The error summary's list: one problem per field that has a message, in the form's order. */
export function summaryProblems<Field extends string>(
  fields: Partial<Record<Field, string>>,
  order: readonly Field[],
  ids: Record<Field, string>,
): { fieldId: string; message: string }[] {
  return order.flatMap((field) => {
    const message = fields[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });
}
