import type { BulkActionComponentProps } from '@strapi/content-manager/strapi-admin';

/** A row picked in the list view, with the fields the bulk dialogs read. */
export type SelectedRow = { documentId: string; locale: string | null; title: string | null };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The list's rows come typed as Strapi's loose Document; read once here, checked field by field. */
export const selectedRows = (documents: BulkActionComponentProps['documents']): SelectedRow[] =>
  documents.map((row) => ({
    documentId: String(row.documentId),
    locale: text(row.locale),
    title: text(row.title) ?? text(row.name),
  }));
