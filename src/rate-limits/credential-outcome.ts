import type { IncomingMessage } from 'http';

const presented = new WeakMap<IncomingMessage, string>();
const recognised = new WeakSet<IncomingMessage>();

/** The credential the rate limits counted a request by (rate-limit-front.ts): the one whose refusal may count against its address. */
export const notePresentedCredential = (request: IncomingMessage, credential: string): void => {
  presented.set(request, credential);
};

export const presentedCredentialOf = (request: IncomingMessage): string | null =>
  presented.get(request) ?? null;

/**
 * That credential is one the server issued and accepts (an API token, a staff member's session,
 * a screen token), whatever the answer: its refusals then count against nobody's address. Noted
 * by the credential-outcome middleware (src/middlewares), once the request has been answered.
 */
export const noteRecognisedCredential = (request: IncomingMessage): void => {
  recognised.add(request);
};

export const presentedRecognisedCredential = (request: IncomingMessage): boolean =>
  recognised.has(request);
