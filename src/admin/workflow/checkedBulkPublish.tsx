import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Modal,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { BulkActionComponent } from '@strapi/content-manager/strapi-admin';
import { selectedRows, type SelectedRow } from './selected-rows';
import { isPublishableModel, type PublishCheck } from './workflow-api';

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? (error as Error).message;

/**
 * What a bulk publish of the selected items would do, asked of the workflow before anything is
 * published: each item that would be refused with the reason, and a publish of only those the
 * workflow would release.
 */
const BulkPublishCheck = ({
  model,
  selected,
  onClose,
}: {
  model: string;
  selected: SelectedRow[];
  onClose: () => void;
}) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [checks, setChecks] = React.useState<PublishCheck[] | null>(null);
  const [busy, setBusy] = React.useState(false);
  const locale = selected[0]?.locale ?? undefined;
  // The modal hands a new onClose on each of its renders: asked once per selection, not per render.
  const close = React.useRef(onClose);
  close.current = onClose;

  React.useEffect(() => {
    let current = true;
    post<{ data: PublishCheck[] }>(
      '/workflow/publish-check',
      { uid: model, documentIds: selected.map(({ documentId }) => documentId) },
      { params: locale ? { locale } : {} },
    )
      .then(({ data }) => {
        if (current) setChecks(data.data);
      })
      .catch((error) => {
        if (!current) return;
        toggleNotification({ type: 'danger', message: errorMessage(error) });
        close.current();
      });
    return () => {
      current = false;
    };
  }, [post, model, selected, locale, toggleNotification]);

  const publishable = (checks ?? []).filter((check) => check.canPublish);
  const publish = async () => {
    setBusy(true);
    try {
      await post(
        `/content-manager/collection-types/${model}/actions/bulkPublish`,
        { documentIds: publishable.map(({ documentId }) => documentId) },
        { params: locale ? { locale } : {} },
      );
      toggleNotification({
        type: 'success',
        message: `已发布 ${publishable.length} 项 / Published ${publishable.length}`,
      });
      onClose();
      // The list shows the new states on its next read.
      window.location.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal.Body>
        {checks === null ? (
          <Typography>正在检查… / Checking…</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="bulk-publish-check">
            <Typography>
              {publishable.length} 项可以发布，{checks.length - publishable.length}{' '}
              项审核流程不允许发布。/ {publishable.length} can be published,{' '}
              {checks.length - publishable.length} would be refused.
            </Typography>
            <Table colCount={2} rowCount={checks.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">标题 Title</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">结果 Outcome</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {checks.map((check) => (
                  <Tr key={check.documentId} data-testid="bulk-publish-row">
                    <Td>
                      <Typography fontWeight="bold">{check.title ?? check.documentId}</Typography>
                    </Td>
                    <Td>
                      {check.canPublish ? (
                        <Badge backgroundColor="success100" textColor="success700">
                          可以发布 Will be published
                        </Badge>
                      ) : (
                        <Box>
                          <Badge backgroundColor="danger100" textColor="danger700">
                            不能发布 Refused
                          </Badge>
                          <Typography variant="pi" tag="p" textColor="neutral700">
                            {check.reason}
                          </Typography>
                        </Box>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Flex>
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          取消 Cancel
        </Button>
        <Button disabled={publishable.length === 0} loading={busy} onClick={publish}>
          发布可发布的 {publishable.length} 项 Publish {publishable.length}
        </Button>
      </Modal.Footer>
    </>
  );
};

/**
 * Whether a bulk action is (or may be) the content manager's Publish: it has no `type` of its
 * own in this Strapi version, so the untyped ones are wrapped and told apart by their label.
 */
export const mayBeBulkPublish = (action: BulkActionComponent): boolean =>
  action.type === 'publish' || action.type === undefined;

/**
 * Replaces the list view's bulk Publish dialog (which called every selected draft "Ready to
 * publish" and asked twice before the server refused it) with the workflow's own answer per item.
 */
export const checkedBulkPublish = (Publish: BulkActionComponent): BulkActionComponent => {
  const CheckedBulkPublish: BulkActionComponent = (props) => {
    const description = Publish(props);
    const intl = useIntl();
    const isPublish =
      Publish.type === 'publish' ||
      description?.label ===
        intl.formatMessage({ id: 'app.utils.publish', defaultMessage: 'Publish' });
    const selected = selectedRows(props.documents);
    const selection = selected.map(({ documentId }) => documentId).join(',');
    // One component per selection: a new one each render would remount and ask again.
    const Content = React.useMemo(
      () =>
        function SelectionCheck({ onClose }: { onClose: () => void }) {
          return <BulkPublishCheck model={props.model} selected={selected} onClose={onClose} />;
        },
      // `selection` stands for `selected` (a new array each render, the same rows).
      [props.model, selection],
    );
    if (!description || !isPublish || !isPublishableModel(props.model)) return description;
    return {
      ...description,
      dialog: { type: 'modal', title: '批量发布 Publish the selected items', content: Content },
    };
  };
  CheckedBulkPublish.type = Publish.type;
  return CheckedBulkPublish;
};
