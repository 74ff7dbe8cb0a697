import { Kind, OperationTypeNode, parse, print, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import stringify from 'safe-stable-stringify';

/** The GraphQL request a response can be kept for: one query (never a mutation or subscription). */
export type CacheableQuery = { document: string; operationName: string | null };

/** A POST /graphql body as clients send it. */
export type GraphqlBody = { query?: unknown; operationName?: unknown; variables?: unknown };

// Bounded by characters: documents are the clients' text.
const normalised = new LRUCache<string, { printed: string | null }>({
  maxSize: 4_000_000,
  sizeCalculation: ({ printed }, text) => text.length + (printed?.length ?? 0) + 1,
});

/**
 * The printed document (whitespace and comments gone, so formatting does not split entries), or
 * null when the operation that would run is not a query or the document does not parse (the
 * GraphQL server answers those itself). Parsed once per distinct text.
 */
const printedQuery = (
  text: string,
  operationName: string | null,
  maxTokens: number,
): string | null => {
  const key = `${maxTokens}\n${operationName ?? ''}\n${text}`;
  const known = normalised.get(key);
  if (known !== undefined) return known.printed;
  let printed: string | null = null;
  try {
    // No more than the GraphQL server itself parses (GRAPHQL_MAX_TOKENS): a huge document costs no more here.
    const document = parse(text, { noLocation: true, maxTokens });
    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    const chosen =
      operationName === null
        ? operations.length === 1
          ? operations[0]
          : undefined
        : operations.find((operation) => operation.name?.value === operationName);
    printed = chosen?.operation === OperationTypeNode.QUERY ? print(document) : null;
  } catch {
    printed = null;
  }
  normalised.set(key, { printed });
  return printed;
};

export const cacheableQuery = (body: GraphqlBody, maxTokens: number): CacheableQuery | null => {
  if (typeof body.query !== 'string') return null;
  if (
    body.operationName !== undefined &&
    body.operationName !== null &&
    typeof body.operationName !== 'string'
  )
    return null;
  if (
    body.variables !== undefined &&
    body.variables !== null &&
    (typeof body.variables !== 'object' || Array.isArray(body.variables))
  )
    return null;
  const operationName = typeof body.operationName === 'string' ? body.operationName : null;
  const document = printedQuery(body.query, operationName, maxTokens);
  return document === null ? null : { document, operationName };
};

/** A POST /graphql body as read off the wire, parsed as koa-bodyparser would (a byte-order mark is not JSON). */
export const parsedBody = (raw: string): { valid: true; parsed: unknown } | { valid: false } => {
  try {
    return { valid: true, parsed: JSON.parse(raw.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { valid: false };
  }
};

/** What of a body makes the answer: the query as printed, the operation, the variables as stable text. */
export type GraphqlRead = CacheableQuery & { variables: string };

const reads = new LRUCache<string, { read: GraphqlRead | null }>({
  maxSize: 4_000_000,
  sizeCalculation: (_read, raw) => raw.length + 1,
});

/**
 * The cacheable query a body asks, or null; remembered per body text, so a client repeating
 * its request costs a lookup, not a JSON parse and a print.
 */
export const graphqlReadOf = (raw: string, maxTokens: number): GraphqlRead | null => {
  const known = reads.get(raw);
  if (known) return known.read;
  const body = parsedBody(raw);
  const query =
    body.valid && typeof body.parsed === 'object' && body.parsed !== null
      ? cacheableQuery(body.parsed, maxTokens)
      : null;
  const read = query && {
    ...query,
    variables: stringify((body.valid && (body.parsed as GraphqlBody).variables) || {}),
  };
  reads.set(raw, { read });
  return read;
};
