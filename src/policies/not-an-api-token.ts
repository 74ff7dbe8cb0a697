import { isApiToken } from '../access/api-token';

/**
 * API tokens are issued to partner sites to read content; they never act for a person,
 * so routes about people's accounts refuse them (see src/access/account-privacy.ts).
 */
type PolicyContext = { state: { auth?: { strategy?: { name?: string } } } };

export default (policyContext: PolicyContext): boolean => !isApiToken(policyContext.state.auth);
