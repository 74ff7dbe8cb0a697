import type { IncomingMessage } from 'http';

const recognised = new WeakSet<IncomingMessage>();

/**
 * The credential this request presented is one the server issued and accepts (an API token, a
 * staff member's session, a screen token), whatever the answer: its refusals then count against
 * nobody's address. Noted by the credential-outcome middleware (Strapi's authentication) and the
 * screen-token policy.
 */
export const noteRecognisedCredential = (request: IncomingMessage): void => {
  recognised.add(request);
};

export const presentedRecognisedCredential = (request: IncomingMessage): boolean => recognised.has(request);
