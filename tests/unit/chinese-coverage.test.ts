import { ZH_HANS_OVERRIDES } from '../../src/admin/translations/zh-Hans';

/**
 * The media library and the guided tour in Chinese: every key Strapi's English has is given
 * Chinese (by Strapi's zh-Hans or by our overrides), and what is shown says it in Chinese.
 */
type Messages = Record<string, string>;
// Boundary: Strapi's compiled translation files are CommonJS modules exporting one flat object.
const messages = (file: string): Messages => require(file) as Messages;
const STRAPI = '../../node_modules/@strapi';

const shown = (english: Messages, strapiChinese: Messages, prefix: string) =>
  Object.keys(english).map((key) => ({
    key: `${prefix}${key}`,
    english: english[key],
    chinese: ZH_HANS_OVERRIDES[`${prefix}${key}`] ?? strapiChinese[key],
  }));

// Words that stay Latin in Chinese text: names, acronyms, placeholders of the message format.
const LATIN_KEPT = /^(Strapi|Cloud|AI|API|EXIF|ID|URL|SEO|GIF)$/;
// The message format's own words (`{count, plural, one {…} other {…}}`) and tags are not text.
const formatWords =
  /\{\s*\w+\s*(,\s*\w+\s*,?)?|\b(zero|one|two|few|many|other)\s*(?=\{)|<\/?[a-z]+>/g;
const englishLeftIn = (text: string): string[] =>
  (text.replace(formatWords, ' ').match(/[A-Za-z]{2,}/g) ?? []).filter(
    (word) => !LATIN_KEPT.test(word),
  );

describe.each([
  [
    'the media library (upload plugin)',
    `${STRAPI}/upload/dist/admin/translations`,
    'upload.',
    () => true,
  ],
  [
    'the guided tour',
    `${STRAPI}/admin/dist/admin/admin/src/translations`,
    '',
    (key: string) => key.startsWith('tours.'),
  ],
])('%s', (_name, folder, prefix, concerns) => {
  const english = Object.fromEntries(
    Object.entries(messages(`${folder}/en.json.js`)).filter(([key]) => concerns(key)),
  );
  const texts = shown(english, messages(`${folder}/zh-Hans.json.js`), prefix);

  test('has Chinese for every key its English has', () => {
    expect(texts.filter((text) => text.chinese === undefined).map((text) => text.key)).toEqual([]);
  });

  test('says it in Chinese, keeping only names and acronyms in Latin letters', () => {
    const mixed = texts.filter(
      (text) =>
        text.chinese !== undefined &&
        text.english.trim() !== '' &&
        (!/\p{Script=Han}/u.test(text.chinese)
          ? !/^[A-Z]+$|^[XY]$/.test(text.chinese)
          : englishLeftIn(text.chinese).length > 0),
    );
    expect(mixed.map((text) => `${text.key}: ${text.chinese}`)).toEqual([]);
  });

  test('keeps every placeholder of the English', () => {
    const placeholders = (text: string) => [
      ...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1])),
    ];
    const lost = texts.filter(
      (text) =>
        text.chinese !== undefined &&
        placeholders(text.english).some((name) => !placeholders(text.chinese).includes(name)),
    );
    expect(lost.map((text) => `${text.key}: ${text.chinese}`)).toEqual([]);
  });
});
