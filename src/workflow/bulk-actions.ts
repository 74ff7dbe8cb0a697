import { errors } from '@strapi/utils';
import type { BulkOutcome } from './contracts';

/** At most this many documents in one bulk action, as in the publish check. */
export const MAX_BULK_DOCUMENTS = 100;

/**
 * Runs `act` on each document in turn, exactly as the single action would (judged by the same
 * transition, recorded on the same trail), so a bulk action is the single ones done one after
 * another. An item's refusal (any 4xx the single action gives) is that item's outcome, in the
 * refusal's own words; the others go on. Anything else is not a refusal and stops the batch:
 * the items done before it stay done, each recorded as if done alone.
 */
export const eachAlone = async (
  documentIds: readonly string[],
  act: (documentId: string) => Promise<unknown>,
): Promise<BulkOutcome[]> => {
  const outcomes: BulkOutcome[] = [];
  for (const documentId of documentIds) {
    try {
      await act(documentId);
      outcomes.push({ documentId, ok: true, reason: null });
    } catch (error) {
      if (!(error instanceof errors.ApplicationError)) throw error;
      outcomes.push({ documentId, ok: false, reason: error.message });
    }
  }
  return outcomes;
};
