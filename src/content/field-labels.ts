import type { FieldLabel } from './descriptor';

/** Labels several types share. */
export const SLUG: FieldLabel = {
  label: '网址别名',
  description: '文章网址的一部分，由标题自动生成拼音；发布后请勿修改',
};
export const CHANNELS: FieldLabel = {
  label: '发布渠道',
  description: '选择内容发往网站、微信公众号还是大屏',
};
export const SEO: FieldLabel = { label: '搜索引擎优化' };
export const BRAND: FieldLabel = { label: '所属品牌' };
export const CATEGORY: FieldLabel = { label: '栏目' };
export const UPDATED: FieldLabel = { label: '修改时间' };
