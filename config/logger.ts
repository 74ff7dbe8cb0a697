import type { Core } from '@strapi/strapi';
import { BatchedConsole } from '../src/logging/batched-console';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
  // Strapi's format, written to stdout a batch per event-loop turn (src/logging/batched-console.ts).
  transports: [new BatchedConsole()],
});
