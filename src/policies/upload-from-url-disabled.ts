import { errors } from '@strapi/utils';

/**
 * The media library's "upload from URL" makes the server fetch whatever address an editor types
 * (internal hosts included) and stores what comes back without the upload checks: editors
 * upload files from their own computer instead.
 */
export default (): boolean => {
  throw new errors.PolicyError(
    '从网址上传已停用，请上传本地文件 / Uploading from a URL is disabled; upload the file itself',
  );
};
