import * as React from 'react';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { UID } from '../../constants';
import { useWorkflowStatus } from './workflow-api';

type WechatArticle = { title: string; author: string; digest: string; content: string; content_source_url: string; images: string[] };

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? (error as Error).message;

/** The article as a phone shows it: WeChat's narrow column, title, byline, then the formatted body. */
const phoneFrame = (article: WechatArticle) => `<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0;background:#fff;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif}main{padding:20px 16px 40px}
h1{font-size:22px;line-height:1.4;margin:0 0 12px;color:#222}.meta{font-size:15px;color:#576b95;margin-bottom:22px}.meta span{color:#999;margin-right:8px}</style></head>
<body><main><h1>${article.title.replace(/</g, '&lt;')}</h1><div class="meta"><span>${article.author.replace(/</g, '&lt;')}</span>党建动车组</div>${article.content}</main></body></html>`;

const WechatPanelContent = ({ documentId, locale, revision }: { documentId: string; locale?: string; revision: unknown }) => {
  const { get, post } = useFetchClient();
  const { status } = useWorkflowStatus(UID.article, documentId, locale, revision);
  const isPublished = status?.isLive === true;
  // Pushing is a release: offered to those who may unpublish a live article, i.e. reviewers.
  const canPush = status?.actions.includes('unpublish') === true;
  const { toggleNotification } = useNotification();
  const [preview, setPreview] = React.useState<WechatArticle | null>(null);
  const [busy, setBusy] = React.useState(false);
  const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';

  const openPreview = async () => {
    try {
      setPreview((await get<{ data: WechatArticle }>(`/wechat/articles/${documentId}/preview${query}`)).data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };
  const push = async (submit: boolean) => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { mediaId: string; publishId: string | null } }>(`/wechat/articles/${documentId}/push${query}`, { submit });
      toggleNotification({ type: 'success', message: submit ? `已提交发布 Submitted (publish_id ${data.data.publishId})` : `已存入草稿箱 Saved as draft (media_id ${data.data.mediaId})` });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {isPublished ? null : (
        <Typography variant="pi" textColor="neutral600">
          发布后可预览和推送 / Preview and push once published
        </Typography>
      )}
      <Modal.Root open={preview !== null} onOpenChange={(open: boolean) => !open && setPreview(null)}>
        <Button variant="tertiary" fullWidth disabled={!isPublished} onClick={openPreview}>
          微信预览 Preview
        </Button>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>微信预览 WeChat preview</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex justifyContent="center">
              <Box background="neutral800" padding={3} hasRadius shadow="popupShadow">
                <iframe title="WeChat preview" srcDoc={preview ? phoneFrame(preview) : ''} style={{ width: 375, height: 640, border: 0, borderRadius: 12, background: '#fff' }} />
              </Box>
            </Flex>
            {preview ? (
              <Typography variant="pi" textColor="neutral600" tag="p" style={{ marginTop: 12 }}>
                摘要 Digest：{preview.digest}
              </Typography>
            ) : null}
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">关闭 Close</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
      {canPush ? (
        <>
          <Button variant="secondary" fullWidth loading={busy} onClick={() => push(false)}>
            推送到草稿箱 Push to drafts
          </Button>
          <Button variant="default" fullWidth loading={busy} onClick={() => push(true)}>
            推送并发布 Push and publish
          </Button>
        </>
      ) : null}
    </Flex>
  );
};

/** For articles targeted at WeChat: the preview, and (for reviewers) the push to the Official Account. */
export const WechatPanel: PanelComponent = ({ model, documentId, document }) => {
  const channels = (document as { channels?: { wechat?: boolean } } | undefined)?.channels;
  if (model !== UID.article || !documentId || channels?.wechat !== true) return null;
  return {
    title: '微信公众号 WeChat',
    content: <WechatPanelContent documentId={documentId} locale={document?.locale as string | undefined} revision={document?.updatedAt} />,
  };
};
