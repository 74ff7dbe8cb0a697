import type { IncomingMessage } from 'http';

const recognised = new WeakSet<IncomingMessage>();

/**
 * The credential this request presented is one the server issued and accepts (an API token, a
 * staff member's session, a screen token), whatever the answer: its refusals then count against
 * nobody's address. Noted by the credential-outcome middleware (src/middlewares), once the
 * request has been answered.
 */
export const noteRecognisedCredential = (request: IncomingMessage): void => {
  recognised.add(request);
};

export const presentedRecognisedCredential = (request: IncomingMessage): boolean => recognised.has(request);
