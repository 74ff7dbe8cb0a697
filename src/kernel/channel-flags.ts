/**
 * The flag columns of channel targeting: each channel's choice, per locale, copied onto the rows
 * of channel-targeted types so that reads filter on it without a join (src/channels keeps them
 * in step with the `channels` component). Kept below the domains because the layers under the
 * channels use the columns without knowing any channel: documents/ indexes them and recognises
 * them as the read scope's conditions; the workflow's content hash leaves them out (derived, so
 * never approved) and its calendar reads them.
 *
 * The built-in channels' columns are here from the start, so that every copy of this module
 * agrees on what a content hash covers (the tests import src/ while their server runs dist/); a
 * channel registered later adds its own with `addChannelFlag`.
 */
const flags = new Map<string, string>([
  ['website', 'targetsWebsite'],
  ['wechat', 'targetsWechat'],
  ['screen', 'targetsScreen'],
]);

export const addChannelFlag = (channel: string, column: string): void => {
  flags.set(channel, column);
};

/** Each channel with its flag column, in the order the channels were declared. */
export const channelFlags = (): ReadonlyArray<readonly [channel: string, column: string]> => [
  ...flags,
];

export const isChannelFlag = (field: string): boolean => [...flags.values()].includes(field);

/** The channel a Content API read is scoped to when its route names none (read-scope/). */
export const DEFAULT_CHANNEL = 'website';

export const flagOfChannel = (channel: string): string | undefined => flags.get(channel);
