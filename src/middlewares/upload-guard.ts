import { errors } from '@strapi/utils';
import { uploadProblem, type UploadedFile, type UploadLimits } from '../media/upload-check';

type Context = { request: { files?: Record<string, UploadedFile | UploadedFile[]> } };

/**
 * Every multipart upload, on every route (the admin's media library, the Content API, a file
 * replace), is checked here once the body is parsed and before any controller stores it.
 */
export default (config: Partial<UploadLimits>) => {
  const limits: UploadLimits = {
    maxImagePixels: config.maxImagePixels ?? 40_000_000,
    maxBytes: config.maxBytes ?? {},
  };
  return async (ctx: Context, next: () => Promise<void>) => {
    const files = Object.values(ctx.request.files ?? {}).flat();
    for (const file of files) {
      const problem = await uploadProblem(file, limits);
      if (problem) {
        const message = `上传文件被拒绝 / Upload refused: ${problem.message}`;
        throw problem.tooLarge
          ? new errors.PayloadTooLargeError(message, { fileName: problem.fileName })
          : new errors.ValidationError(message, { fileName: problem.fileName });
      }
    }
    await next();
  };
};
