import * as React from 'react';
import {
  Box,
  Flex,
  Main,
  Modal,
  Table,
  Tabs,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { PeopleTime } from '../workflow/people-time';

/** A time as staff and handlers read it: Shanghai, short. */
/** A time as people read it, in the configured zone (ADMIN_TIME_ZONE). */
export const showDate = (iso: string | null | undefined) => <PeopleTime at={iso} />;

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? (error as Error).message;

export type HandlingColumn<Item> = { label: string; cell: (item: Item) => React.ReactNode };

type HandlingPageProps<
  Item extends { documentId: string; title: string; body: string },
  State extends string,
> = {
  title: string;
  subtitle: string;
  /** The tabs, one per state, and the list each asks for. */
  states: ReadonlyArray<{ state: State; label: string; empty: string }>;
  listPath: (state: State) => string;
  columns: ReadonlyArray<HandlingColumn<Item>>;
  rowTestId: string;
  /** The dialog of one item: what it says above its text, below it, and its actions (`act` posts one and reloads the list). */
  dialog: {
    heading: (item: Item) => React.ReactNode;
    below: (item: Item) => React.ReactNode;
    actions: (
      item: Item,
      act: (path: string, body: object, done: string) => Promise<unknown>,
      busy: boolean,
    ) => React.ReactNode;
  };
};

/**
 * The shape both participation pages share (投稿箱 for editors, 意见建议 for handlers): tabs by
 * state, a table of items, and a dialog where one is read and handled.
 */
export const HandlingPage = <
  Item extends { documentId: string; title: string; body: string },
  State extends string,
>({
  title,
  subtitle,
  states,
  listPath,
  columns,
  rowTestId,
  dialog,
}: HandlingPageProps<Item, State>) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = React.useState<State>(states[0].state);
  const [items, setItems] = React.useState<Item[] | null>(null);
  const [open, setOpen] = React.useState<Item | null>(null);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(() => {
    setItems(null);
    get<{ data: Item[] }>(listPath(state))
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
  }, [get, listPath, state]);
  React.useEffect(load, [load]);

  const act = async (path: string, body: object, done: string): Promise<unknown> => {
    setBusy(true);
    try {
      const { data } = await post<{ data: unknown }>(path, body);
      toggleNotification({ type: 'success', message: done });
      setOpen(null);
      load();
      return data.data;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      throw error;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Main>
      <Layouts.Header title={title} subtitle={subtitle} />
      <Layouts.Content>
        <Tabs.Root value={state} onValueChange={(value: string) => setState(value as State)}>
          <Tabs.List aria-label={title}>
            {states.map((entry) => (
              <Tabs.Trigger key={entry.state} value={entry.state}>
                {entry.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={4}>
          {items === null ? null : items.length === 0 ? (
            <Typography textColor="neutral600">
              {states.find((entry) => entry.state === state)?.empty}
            </Typography>
          ) : (
            <Table colCount={columns.length} rowCount={items.length + 1}>
              <Thead>
                <Tr>
                  {columns.map((column) => (
                    <Th key={column.label}>
                      <Typography variant="sigma">{column.label}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {items.map((item) => (
                  <Tr
                    key={item.documentId}
                    data-testid={rowTestId}
                    onClick={() => setOpen(item)}
                    style={{ cursor: 'pointer' }}
                  >
                    {columns.map((column) => (
                      <Td key={column.label}>{column.cell(item)}</Td>
                    ))}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
        <Modal.Root open={open !== null} onOpenChange={(next: boolean) => !next && setOpen(null)}>
          {open ? (
            <Modal.Content>
              <Modal.Header>
                <Modal.Title>{open.title}</Modal.Title>
              </Modal.Header>
              <Modal.Body>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography textColor="neutral600">{dialog.heading(open)}</Typography>
                  {open.body.split(/\n+/).map((line, index) => (
                    <Typography key={index} tag="p">
                      {line}
                    </Typography>
                  ))}
                  {dialog.below(open)}
                </Flex>
              </Modal.Body>
              <Modal.Footer>{dialog.actions(open, act, busy)}</Modal.Footer>
            </Modal.Content>
          ) : null}
        </Modal.Root>
      </Layouts.Content>
    </Main>
  );
};
