import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

export type QueryCostLimits = {
  /** Strapi's page sizes: a list without `pagination` returns `defaultLimit` items, never more than `maxLimit`. */
  defaultLimit: number;
  maxLimit: number;
  /** At most this many rows estimated for one operation. */
  maxRows: number;
  maxAliases: number;
  /** Field selections counted the way graphql-armor's cost limit counts them. */
  maxCost: number;
  maxTokens: number;
};

// A list without pagination arguments (a repeatable component, a connection's `nodes`) is
// counted as this many rows: its size is bounded by the content, not by the query.
const UNPAGED_LIST_ROWS = 10;

type Pagination = { limit?: number; pageSize?: number } | undefined;

/**
 * Rows a field may return times what each row costs below it: a paginated list multiplies its
 * children by its page size (capped as Strapi caps it), so nested lists multiply as they would
 * in the database.
 */
export const rowEstimator =
  ({
    defaultLimit,
    maxLimit,
  }: Pick<QueryCostLimits, 'defaultLimit' | 'maxLimit'>): ComplexityEstimator =>
  ({ field, args, childComplexity }) => {
    const pageSizeOf = (pagination: Pagination) => {
      const asked = Number(pagination?.limit ?? pagination?.pageSize ?? defaultLimit);
      // Strapi reads -1 (and any other non-positive limit) as "as many as allowed".
      return Math.min(
        Number.isFinite(asked) ? (asked > 0 ? asked : maxLimit) : defaultLimit,
        maxLimit,
      );
    };
    const paged = field.args.some((arg) => arg.name === 'pagination');
    if (paged && (isListType(getNullableType(field.type)) || field.name.endsWith('_connection'))) {
      return pageSizeOf(args.pagination as Pagination) * (1 + childComplexity);
    }
    if (
      isListType(getNullableType(field.type)) &&
      !getNamedType(field.type).name.startsWith('__')
    ) {
      return UNPAGED_LIST_ROWS * (1 + childComplexity);
    }
    return undefined;
  };

const tooCostly = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_QUERY_TOO_COSTLY', http: { status: 400 } },
  });

/**
 * Apollo options that refuse an expensive anonymous query before it runs (a 400, decided on the
 * parsed document alone): the parser caps tokens, graphql-armor aliases, directives and field cost;
 * graphql-query-complexity estimates the rows the operation could read. Strapi's own depth
 * limit stays as configured.
 */
export const queryCostProtection = (limits: QueryCostLimits) => {
  const armor = new ApolloArmor({
    // graphql-js counts tokens while parsing (Apollo's parseOptions): a parse error is a 400,
    // where armor's plugin for it surfaces as a 500.
    maxTokens: { enabled: false },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: limits.maxCost },
    maxDepth: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  const estimators = [rowEstimator(limits), simpleEstimator({ defaultComplexity: 0 })];
  const rowLimit = {
    async requestDidStart() {
      return {
        async didResolveOperation({
          request,
          document,
          schema,
        }: {
          request: { operationName?: string | null; variables?: Record<string, unknown> };
          document: DocumentNode;
          schema: GraphQLSchema;
        }) {
          let rows: number;
          try {
            rows = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators,
            });
          } catch (error) {
            // Variables that do not fit their types: what execution would refuse, refused here (it was a 500).
            if (error instanceof GraphQLError)
              throw new GraphQLError(error.message, {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            throw error;
          }
          if (rows > limits.maxRows) {
            throw tooCostly(
              `This query could read about ${rows} rows; the limit is ${limits.maxRows}. Ask for smaller pages or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
  return {
    plugins: [...plugins, rowLimit],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
};
