import { bodyText, wordCount } from '../../workflow/word-count';
import { WECHAT_LIMITS, wechatLength } from './limits';

export type LengthCheck = { length: number; limit: number; over: boolean };

const check = (text: unknown, limit: number): LengthCheck => {
  const length = typeof text === 'string' ? wechatLength(text) : 0;
  return { length, limit, over: length > limit };
};

export type ArticleCounts = { words: number; title: LengthCheck; digest: LengthCheck };

/** What the edit view shows of an article being written: its 字数, and its title and digest against WeChat's limits. */
export const articleCounts = (values: {
  title?: unknown;
  digest?: unknown;
  body?: unknown;
}): ArticleCounts => ({
  words: wordCount(bodyText(values.body)),
  title: check(values.title, WECHAT_LIMITS.title),
  digest: check(values.digest, WECHAT_LIMITS.digest),
});
