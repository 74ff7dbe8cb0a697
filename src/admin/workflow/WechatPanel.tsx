import * as React from 'react';
import { Box, Button, Dialog, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { UID } from '../../constants';
import { phoneFrame } from '../../channels/wechat/phone-frame';
import { useEditedLocale, useWorkflowStatus } from './workflow-api';

type WechatArticle = {
  title: string;
  author: string;
  digest: string;
  content: string;
  content_source_url: string;
  images: string[];
};

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? (error as Error).message;

type WechatSetup = { configured: boolean; autoPush: string; accountName: string };

const WechatPanelContent = ({
  documentId,
  locale,
  revision,
}: {
  documentId: string;
  locale?: string;
  revision: unknown;
}) => {
  const { get, post } = useFetchClient();
  const { status } = useWorkflowStatus(UID.article, documentId, locale, revision);
  const isPublished = status?.isLive === true;
  // Pushing is a release: offered to those who may unpublish a live article, i.e. reviewers.
  const canPush = status?.actions.includes('unpublish') === true;
  const { toggleNotification } = useNotification();
  const [preview, setPreview] = React.useState<WechatArticle | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [setup, setSetup] = React.useState<WechatSetup | null>(null);
  const [confirmingPublish, setConfirmingPublish] = React.useState(false);
  const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';

  React.useEffect(() => {
    get<{ data: WechatSetup }>('/wechat/setup')
      .then(({ data }) => setSetup(data.data))
      .catch(() => setSetup(null));
  }, [get]);

  // The version under review at every stage; the live one (what a push sends) once the draft is the released version.
  const openPreview = async () => {
    try {
      const version = status?.reviewState === 'published' ? 'live' : 'draft';
      setPreview(
        (
          await get<{ data: WechatArticle }>(
            `/wechat/articles/${documentId}/preview${query}${query ? '&' : '?'}version=${version}`,
          )
        ).data.data,
      );
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };
  const push = async (submit: boolean) => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { mediaId: string; publishId: string | null } }>(
        `/wechat/articles/${documentId}/push${query}`,
        { submit },
      );
      toggleNotification({
        type: 'success',
        message: submit
          ? `已提交发布 Submitted (publish_id ${data.data.publishId})`
          : `已存入草稿箱 Saved as draft (media_id ${data.data.mediaId})`,
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {setup && !setup.configured ? (
        <Box background="neutral100" padding={2} hasRadius data-testid="wechat-setup-hint">
          <Typography variant="pi" tag="p">
            尚未配置微信公众号：请管理员设置 WECHAT_APP_ID 和 WECHAT_APP_SECRET 后重启。可以先预览。
          </Typography>
          <Typography variant="pi" tag="p" textColor="neutral600">
            WeChat is not configured: set WECHAT_APP_ID and WECHAT_APP_SECRET. Preview works without
            it.
          </Typography>
        </Box>
      ) : isPublished ? null : (
        <Typography variant="pi" textColor="neutral600">
          发布后可推送；现在预览的是待审版本 / Push once published; the preview shows the version
          under review
        </Typography>
      )}
      <Modal.Root
        open={preview !== null}
        onOpenChange={(open: boolean) => !open && setPreview(null)}
      >
        <Button variant="tertiary" fullWidth onClick={openPreview}>
          微信预览 Preview
        </Button>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>微信预览 WeChat preview</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex justifyContent="center">
              <Box background="neutral800" padding={3} hasRadius shadow="popupShadow">
                <iframe
                  title="WeChat preview"
                  sandbox=""
                  srcDoc={preview ? phoneFrame(preview, setup?.accountName ?? '') : ''}
                  style={{
                    width: 375,
                    height: 640,
                    border: 0,
                    borderRadius: 12,
                    background: '#fff',
                  }}
                />
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
      {canPush && setup?.configured ? (
        <>
          <Button variant="secondary" fullWidth loading={busy} onClick={() => push(false)}>
            推送到草稿箱 Push to drafts
          </Button>
          <Button
            variant="default"
            fullWidth
            loading={busy}
            onClick={() => setConfirmingPublish(true)}
          >
            推送并发布 Push and publish
          </Button>
          <Dialog.Root open={confirmingPublish} onOpenChange={setConfirmingPublish}>
            <Dialog.Content>
              <Dialog.Header>推送并发布到公众号？Push and publish?</Dialog.Header>
              <Dialog.Body>
                <Typography>
                  文章将立即在公众号“{setup.accountName}
                  ”发布，所有关注者可见，发布后无法从本系统撤回。
                  <br />
                  The article goes out to every follower of the Official Account at once and cannot
                  be recalled from here.
                </Typography>
              </Dialog.Body>
              <Dialog.Footer>
                <Dialog.Cancel>
                  <Button variant="tertiary">取消 Cancel</Button>
                </Dialog.Cancel>
                <Dialog.Action>
                  <Button variant="danger-light" onClick={() => push(true)}>
                    确认发布 Publish
                  </Button>
                </Dialog.Action>
              </Dialog.Footer>
            </Dialog.Content>
          </Dialog.Root>
        </>
      ) : null}
    </Flex>
  );
};

/** For articles targeted at WeChat: the preview, and (for reviewers) the push to the Official Account. */
export const WechatPanel: PanelComponent = ({ model, documentId, document }) => {
  const { saved } = useEditedLocale(document);
  const channels = (document as { channels?: { wechat?: boolean } } | undefined)?.channels;
  // A locale not saved yet has nothing to preview or push: `document` is another locale's.
  if (model !== UID.article || !documentId || !saved || channels?.wechat !== true) return null;
  return {
    title: '微信公众号 WeChat',
    content: (
      <WechatPanelContent
        documentId={documentId}
        locale={document?.locale as string | undefined}
        revision={document?.updatedAt}
      />
    ),
  };
};
