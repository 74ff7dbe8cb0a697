/**
 * The flag columns of channel targeting: each channel's choice, per locale, copied onto the rows
 * of channel-targeted types so that reads filter on it without a join (src/channels keeps them
 * in step with the `channels` component). Kept below the domains because the layers under the
 * channels use the columns without knowing any channel: documents/ indexes them and recognises
 * them as the read scope's conditions; the workflow's content hash leaves them out (derived, so
 * never approved) and its calendar reads them.
 *
 * The built-in channels' columns are declared here, once (their channel.ts files name them from
 * here), so that every copy of this module agrees on what a content hash covers (the tests import
 * src/ while their server runs dist/); a channel registered later adds its own with
 * `addChannelFlag`.
 */
export const BUILT_IN_FLAGS = {
  website: 'targetsWebsite',
  wechat: 'targetsWechat',
  screen: 'targetsScreen',
} as const;

const flags = new Map<string, string>(Object.entries(BUILT_IN_FLAGS));

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

/** A registered channel's name. */
export type Channel = string;

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && flags.has(value);

/**
 * Each channel's targeting is also a column of the row, copied from the `channels` component
 * (src/channels/channel-flags.ts keeps it in step), so a read filters on it without joining the component
 * tables: a join per row made every page read and sort the whole table, and two of them (the
 * website's own filter and the read scope's) took PostgreSQL 12 s at 10,000 articles.
 */
export const flagOf = (channel: Channel): string => {
  const flag = flagOfChannel(channel);
  if (flag === undefined) throw new Error(`No channel is named ${channel}`);
  return flag;
};

/** Document Service filter matching items released to `channel`. */
export const targetedAt = (channel: Channel) => ({ [flagOf(channel)]: true });
