import type * as React from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { TYPE_LABELS } from './labels';

type Listed = { contentType: string; documentId: string; locale: string; title: string | null };
export type DocumentColumn<Item> = { label: string; cell: (item: Item) => React.ReactNode };

/** A time as the workflow's pages show it, or `none`. */

/**
 * The workflow pages' table of document locales: the title (linking to its edit view), the type
 * and the locale, then the page's own columns; `empty` says why there is nothing.
 */
export const DocumentTable = <Item extends Listed>({
  items,
  columns,
  empty,
  rowTestId,
}: {
  items: Item[];
  columns: Array<DocumentColumn<Item>>;
  empty: string;
  rowTestId?: string;
}) =>
  items.length === 0 ? (
    <Box padding={8} background="neutral0" hasRadius>
      <Typography>{empty}</Typography>
    </Box>
  ) : (
    <Table colCount={columns.length + 3} rowCount={items.length + 1}>
      <Thead>
        <Tr>
          {['标题 Title', '类型 Type', '语言 Locale', ...columns.map(({ label }) => label)].map(
            (label) => (
              <Th key={label}>
                <Typography variant="sigma">{label}</Typography>
              </Th>
            ),
          )}
        </Tr>
      </Thead>
      <Tbody>
        {items.map((item) => (
          <Tr key={`${item.contentType}:${item.documentId}:${item.locale}`} data-testid={rowTestId}>
            <Td>
              <Link
                to={`/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`}
              >
                <Typography fontWeight="bold">{item.title ?? item.documentId}</Typography>
              </Link>
            </Td>
            <Td>
              <Typography>{TYPE_LABELS[item.contentType] ?? item.contentType}</Typography>
            </Td>
            <Td>
              <Typography>{item.locale}</Typography>
            </Td>
            {columns.map(({ label, cell }) => (
              <Td key={label}>{cell(item)}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
