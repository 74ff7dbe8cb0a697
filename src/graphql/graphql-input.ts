import { GraphQLError } from 'graphql';
import { jsonProblem, jsonProblemMessage } from '../http/request-input';

type GraphqlRequest = {
  request: {
    variables?: Record<string, unknown> | null;
    extensions?: Record<string, unknown> | null;
  };
};
type GraphqlResponse = {
  response: {
    body: { kind: string; singleResult?: { errors?: ReadonlyArray<{ message: string }> } };
  };
};

// Where graphql-js quotes a value it was given: `Variable "$x" got invalid value {…}; Int cannot
// represent non-integer value: "…"`, `Expected value of type "Int", found "…".`
const ECHOED_VALUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/( got invalid value) [\s\S]*?(; |\.?$)/, '$1$2'],
  [/(cannot represent [^:;]*value): [\s\S]*?(; |\.?$)/, '$1$2'],
  [/(Expected value of type "[^"]*"), found [\s\S]*?(; |\.?$)/, '$1$2'],
];

/** An error message without the values it quoted. */
export const withoutEchoedValue = (message: string): string =>
  ECHOED_VALUES.reduce((text, [pattern, kept]) => text.replace(pattern, kept), message);

/**
 * What GraphQL requests may not carry, decided before anything reads them:
 * - variables (and extensions) nested deeper than `maxDepth` (BODY_MAX_DEPTH) or with a key
 *   that is a built-in property name: a 400, as every other body (the plugin parses its own);
 * - Apollo's `maxRecursiveSelections` runs the configured validation rules (Strapi's depth
 *   limit, graphql-armor's) only on documents that GraphQL's own rules accept: the depth
 *   limiter followed a fragment cycle until the stack overflowed (a 500), where
 *   NoFragmentCyclesRule answers a 400;
 * - no error answer quotes a variable's value back.
 */
export const graphqlInputChecks = (maxDepth: number) => ({
  maxRecursiveSelections: true,
  plugins: [
    {
      async requestDidStart({ request }: GraphqlRequest) {
        const problem =
          jsonProblem(request.variables, maxDepth, 'variables') ??
          jsonProblem(request.extensions, maxDepth, 'extensions');
        if (problem)
          throw new GraphQLError(jsonProblemMessage(problem, maxDepth), {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        return {
          async willSendResponse({ response }: GraphqlResponse) {
            const errors =
              response.body.kind === 'single' ? response.body.singleResult?.errors : undefined;
            for (const error of errors ?? []) error.message = withoutEchoedValue(error.message);
          },
        };
      },
    },
  ],
});
