/**
 * Filtering or sorting through these would let a reader test or order the text of versions
 * they cannot read: `localizations` joins every version of the document (drafts and other
 * locales), a file's `related` every document using it.
 */
const BEYOND_SCOPE = new Set(['localizations', 'related']);

const inFilters = (filters: unknown, path: string[]): string[] | null => {
  if (typeof filters !== 'object' || filters === null) return null;
  for (const [key, value] of Object.entries(filters)) {
    if (BEYOND_SCOPE.has(key)) return [...path, key];
    const found = inFilters(value, [...path, key]);
    if (found) return found;
  }
  return null;
};

/** Sort in any form Strapi takes: 'a.b:asc,c', ['a.b:desc'], { a: { b: 'asc' } }, [{ a: 'asc' }]. */
const inSort = (sort: unknown, path: string[]): string[] | null => {
  if (typeof sort === 'string') {
    for (const field of sort.split(',')) {
      const segments = field.split(':')[0].trim().split('.');
      const at = segments.findIndex((segment) => BEYOND_SCOPE.has(segment));
      if (at >= 0) return [...path, ...segments.slice(0, at + 1)];
    }
    return null;
  }
  if (Array.isArray(sort)) {
    for (const item of sort) {
      const found = inSort(item, path);
      if (found) return found;
    }
    return null;
  }
  if (typeof sort === 'object' && sort !== null) return inFilters(sort, path);
  return null;
};

type Entry = {
  filters?: unknown;
  sort?: unknown;
  populate?: unknown;
  on?: Record<string, unknown>;
};

const inPopulate = (populate: unknown, path: string[]): string[] | null => {
  if (typeof populate !== 'object' || populate === null || Array.isArray(populate)) return null;
  for (const [name, value] of Object.entries(populate)) {
    if (typeof value !== 'object' || value === null) continue;
    const entry = value as Entry;
    const here = [...path, name];
    const found =
      inFilters(entry.filters, [...here, 'filters']) ??
      inSort(entry.sort, [...here, 'sort']) ??
      inPopulate(entry.populate, [...here, 'populate']) ??
      Object.entries(entry.on ?? {}).reduce<string[] | null>(
        (hit, [uid, nested]) => hit ?? inPopulate({ [uid]: nested }, [...here, 'on']),
        null,
      );
    if (found) return found;
  }
  return null;
};

/** Where a read's filters or sort, at the top or inside any populate, reach past the read scope; null when they do not. */
export const beyondScopePath = (params: {
  filters?: unknown;
  sort?: unknown;
  populate?: unknown;
}): string[] | null =>
  inFilters(params.filters, ['filters']) ??
  inSort(params.sort, ['sort']) ??
  inPopulate(params.populate, ['populate']);
