import path from 'path';
import type { PublishingChannel } from '../../src/channels/channel';
import type * as Registry from '../../src/channels/registry';

/**
 * Registers `channel` with the app a test boots. The app runs the compiled copy under dist/, a
 * module apart from the src/ one a test imports, so the channel goes to that copy's registry; call
 * it at the top of the file, before the app boots (its schema is declared at register).
 */
export const registerAppChannel = (channel: PublishingChannel): void => {
  const registry = require(
    path.join(process.cwd(), 'dist/src/channels/registry.js'),
  ) as typeof Registry;
  registry.registerChannel(channel);
};
