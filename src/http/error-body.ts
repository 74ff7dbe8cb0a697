/**
 * Strapi's error shape, `{ data: null, error: { status, name, message, details } }`, for answers
 * written outside its error middleware (before the chain, or where no error class fits): clients
 * and the admin panel read every error the same way.
 */
export const errorBody = (
  status: number,
  name: string,
  message: string,
  details: unknown = {},
) => ({
  data: null,
  error: { status, name, message, details },
});

type ErrorAnswer = { error: { message?: unknown; details?: { errors?: unknown } } };

const isErrorAnswer = (body: unknown): body is ErrorAnswer =>
  body !== null &&
  typeof body === 'object' &&
  'error' in body &&
  body.error !== null &&
  typeof body.error === 'object';

// Where a validator quotes what it was given: yup's typeError ("… must be a `string` type, but the
// final value was: `{…}`"), zod's enumerations ("Invalid enum value. Expected 'a' | 'b', received 'x'").
const ECHOED_INPUT: ReadonlyArray<readonly [RegExp, string]> = [
  [/,? but the final value was:[\s\S]*$/, '.'],
  [/, received '[\s\S]*'$/, ''],
];
const withoutEcho = (message: unknown) =>
  typeof message === 'string'
    ? ECHOED_INPUT.reduce((text, [pattern, kept]) => text.replace(pattern, kept), message)
    : message;

/**
 * Makes an error answer quote nothing a client sent in its body: Strapi's validation errors
 * carry each refused `value`, and yup's messages print it. A body echoed back could be megabytes,
 * or deep enough to overflow the printer (a 500 in place of the 400).
 */
export const withoutEchoedInput = (body: unknown): void => {
  if (!isErrorAnswer(body)) return;
  const { error } = body;
  error.message = withoutEcho(error.message);
  const inner = error.details?.errors;
  if (Array.isArray(inner)) {
    for (const entry of inner) {
      if (entry === null || typeof entry !== 'object') continue;
      delete (entry as { value?: unknown }).value;
      (entry as { message?: unknown }).message = withoutEcho(
        (entry as { message?: unknown }).message,
      );
    }
  }
};
