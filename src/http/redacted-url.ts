/** Query parameters that carry a credential (the screen stream's `?token=`, EventSource cannot set headers; a preview link's `?token=`, and `?preview=` of the display page inside a preview). */
const SECRET_PARAMETERS = /^(token|access_token|api_token|signature|preview)$/i;

/** The name of one `name=value` pair of a query string, decoded; a malformed escape stays as sent. */
export const parameterName = (pair: string): string => {
  const name = pair.split('=')[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

/** Every `name=value` pair of the query string read: a secret parameter's value replaced. */
export const redactEveryParameter = (url: string): string => {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) =>
      SECRET_PARAMETERS.test(parameterName(pair)) ? `${pair.split('=')[0]}=[REDACTED]` : pair,
    )
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
};

/** The words of SECRET_PARAMETERS, and an escaped letter or underscore that could spell them unseen. */
const SECRET_WORD = /token|signature|preview/i;
const ESCAPED_NAME_CHARACTER = /%(4[1-9a-f]|5[0-9af]|6[1-9a-f]|7[0-9a])/i;

/**
 * A request URL as it may be written to a log: credentials in the query string replaced.
 * Every request is logged, cache hits included, so a URL in which no parameter name can spell
 * a secret's is written as it came, without decoding each pair.
 */
export const redactedUrl = (url: string): string =>
  SECRET_WORD.test(url) || ESCAPED_NAME_CHARACTER.test(url) ? redactEveryParameter(url) : url;
