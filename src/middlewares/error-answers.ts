import { withoutEchoedInput } from '../http/error-body';

/**
 * Just outside `strapi::errors`: every error answer it formats leaves without the input it quoted
 * (src/http/error-body.ts). Answers of 2xx and 3xx are not looked at.
 */
export default () => async (ctx: { status: number; body: unknown }, next: () => Promise<void>) => {
  await next();
  if (ctx.status >= 400) withoutEchoedInput(ctx.body);
};
