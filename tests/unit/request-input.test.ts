import fc from 'fast-check';
import { builtInPathSegment, builtInQueryName, jsonProblem } from '../../src/http/request-input';
import {
  hashSecret,
  newReceipt,
  parseReceipt,
  secretMatches,
} from '../../src/participation/opinion-receipts';
import { listNesting } from '../../src/documents/rich-text-depth';
import { addressKey } from '../../src/rate-limits/client-address';

describe('what no request may carry', () => {
  test('a built-in name is found in a query parameter’s name, in the field names of fields and sort, and in a path', () => {
    expect(builtInQueryName('filters[constructor][$eq]=1')).toEqual({
      parameter: 'filters[constructor][$eq]',
      name: 'constructor',
    });
    expect(builtInQueryName('locale=zh-CN&filters%5BtoString%5D=1')).toEqual({
      parameter: 'filters[toString]',
      name: 'toString',
    });
    expect(builtInQueryName('sort=title:asc,valueOf:desc')).toMatchObject({
      parameter: 'sort',
      name: 'valueOf',
    });
    expect(builtInQueryName('populate[cover][fields][0]=__proto__')).toMatchObject({
      name: '__proto__',
    });
    expect(builtInQueryName('sort=brand.hasOwnProperty')).toMatchObject({ name: 'hasOwnProperty' });
    // A value that is a built-in name elsewhere is text like any other (a search, a title).
    expect(
      builtInQueryName('_q=constructor&filters[title][$eq]=toString&locale=zh-CN&sort=title:asc'),
    ).toBeNull();
    expect(builtInPathSegment('/content-manager/relations/constructor/x')).toBe('constructor');
    expect(builtInPathSegment('/api/articles/abc')).toBeNull();
  });

  test('JSON too deep is found without recursion, at any depth, and the depth at the limit passes', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(jsonProblem(deep, 64)).toMatchObject({ problem: 'too-deep' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (levels) => {
        let nested: unknown = 'x';
        for (let level = 0; level < levels; level += 1) nested = { a: nested };
        return (jsonProblem(nested, 64) === null) === levels <= 64;
      }),
    );
    expect(jsonProblem({ data: { constructor: 1 } }, 64)).toEqual({
      path: 'body.data.constructor',
      problem: 'built-in-name',
      name: 'constructor',
    });
    expect(jsonProblem({ data: ['constructor'] }, 64)).toBeNull();
  });

  test('lists in rich text are counted as they nest, not as the tree deepens', () => {
    const list = (children: unknown[]) => ({ type: 'list', format: 'unordered', children });
    const item = { type: 'list-item', children: [{ type: 'text', text: 'x' }] };
    expect(listNesting([{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }])).toBe(0);
    expect(listNesting([list([item, list([item, list([item])])]), list([item])])).toBe(3);
    expect(listNesting(null)).toBe(0);
  });
});

describe('receipt codes of anonymous opinions', () => {
  test('a code is read as typed: case, spaces and look-alikes forgiven, anything else refused', () => {
    const { code, lookup, secret } = newReceipt();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}-[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(parseReceipt(code)).toEqual({ lookup, secret });
    expect(parseReceipt(` ${code.toLowerCase().replace(/1/g, 'l').replace(/0/g, 'o')} `)).toEqual({
      lookup,
      secret,
    });
    expect(parseReceipt(`${code.slice(0, 4)} ${code.slice(4)}`)).toEqual({ lookup, secret });
    for (const wrong of [
      code.replace('-', ''),
      `${code}0`,
      code.slice(1),
      'U'.repeat(8) + code.slice(8),
      42,
      null,
      'x'.repeat(1000),
    ])
      expect(parseReceipt(wrong)).toBeNull();
  });

  test('a secret matches its own slow hash only, and the hash does not hold it', async () => {
    const { secret } = newReceipt();
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain(secret);
    expect(await secretMatches(secret, stored)).toBe(true);
    expect(await secretMatches(newReceipt().secret, stored)).toBe(false);
    expect(await secretMatches(secret, await hashSecret(secret))).toBe(true);
    expect(await secretMatches(secret, null)).toBe(false);
    expect(await secretMatches(secret, 'md5$abc')).toBe(false);
  });
});

describe('client addresses as the rate limits count them', () => {
  test('IPv6 by its /64, IPv4 and mapped IPv4 as they are', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
  });
});
