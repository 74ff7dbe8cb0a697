import type { Core, UID } from '@strapi/strapi';
import { UID as CONTENT_UID } from '../constants';

type FieldLabel = { label: string; description?: string };
type FieldLabels = Record<string, FieldLabel>;

const SLUG: FieldLabel = {
  label: '网址别名',
  description: '文章网址的一部分，由标题自动生成拼音；发布后请勿修改',
};
const CHANNELS: FieldLabel = {
  label: '发布渠道',
  description: '选择内容发往网站、微信公众号还是大屏',
};
const SEO: FieldLabel = { label: '搜索引擎优化' };
const BRAND: FieldLabel = { label: '所属品牌' };
const CATEGORY: FieldLabel = { label: '栏目' };
const UPDATED: FieldLabel = { label: '修改时间' };

/**
 * The labels editors read in the content manager, in Chinese, per content type and component.
 * Strapi's default label is the attribute's API name (`digest`, `responsibleEditor`).
 */
export const FIELD_LABELS: Partial<Record<UID.ContentType | UID.Component, FieldLabels>> = {
  [CONTENT_UID.article]: {
    title: { label: '标题', description: '最多80字；微信公众号标题另有32字上限' },
    subtitle: { label: '副标题' },
    slug: SLUG,
    digest: { label: '摘要', description: '微信公众号摘要，最多128字' },
    body: { label: '正文' },
    cover: { label: '封面图', description: '网站和大屏使用原图，微信按2.35:1裁剪' },
    author: { label: '作者' },
    source: { label: '来源' },
    responsibleEditor: { label: '责任编辑' },
    category: CATEGORY,
    tags: { label: '标签' },
    brand: BRAND,
    channels: CHANNELS,
    seo: SEO,
    updatedAt: UPDATED,
  },
  [CONTENT_UID.video]: {
    title: { label: '标题' },
    slug: SLUG,
    description: { label: '简介' },
    media: { label: '视频文件' },
    externalUrl: { label: '外部视频地址', description: '不上传文件时，填写视频平台的播放地址' },
    poster: { label: '封面图' },
    durationSeconds: { label: '时长（秒）' },
    subtitles: { label: '字幕文件' },
    brand: BRAND,
    category: CATEGORY,
    channels: CHANNELS,
    updatedAt: UPDATED,
  },
  [CONTENT_UID.achievement]: {
    title: { label: '成果名称' },
    slug: SLUG,
    summary: { label: '摘要' },
    body: { label: '详细介绍' },
    achievedOn: { label: '获得日期' },
    level: {
      label: '级别',
      description:
        'national 国家级 · provincial 省部级 · group 集团级 · company 公司级 · unit 基层单位级',
    },
    kind: {
      label: '类别',
      description: 'honor 荣誉 · award 奖项 · innovation 创新成果 · practice 典型做法 · other 其他',
    },
    metrics: { label: '成效指标' },
    gallery: { label: '图集' },
    brand: BRAND,
    organization: { label: '所属党组织' },
    channels: CHANNELS,
    updatedAt: UPDATED,
  },
  [CONTENT_UID.brand]: {
    name: { label: '品牌名称' },
    slug: SLUG,
    slogan: { label: '品牌口号' },
    logo: { label: '品牌标识' },
    cover: { label: '封面图' },
    summary: { label: '品牌简介' },
    story: { label: '品牌故事' },
    pillars: { label: '品牌内涵', description: '如“双提升”“三服务”“四争先”，每条一项' },
    organization: { label: '所属党组织' },
    themeColor: { label: '主题色', description: '十六进制颜色，如 #C8102E' },
    seo: SEO,
  },
  [CONTENT_UID.organization]: {
    name: { label: '党组织名称' },
    slug: SLUG,
    kind: {
      label: '组织类别',
      description: 'committee 党委 · general_branch 党总支 · branch 党支部',
    },
    parent: { label: '上级党组织' },
    children: { label: '下级党组织' },
  },
  [CONTENT_UID.category]: {
    name: { label: '栏目名称' },
    slug: SLUG,
    description: { label: '栏目说明' },
    sortOrder: { label: '排序', description: '数字越小越靠前' },
  },
  [CONTENT_UID.tag]: {
    name: { label: '标签名称' },
    slug: SLUG,
  },
  'publishing.channels': {
    website: { label: '网站' },
    wechat: { label: '微信公众号' },
    screen: { label: '大屏' },
  },
  'brand.pillar': {
    title: { label: '名称' },
    text: { label: '说明' },
  },
  'shared.metric': {
    label: { label: '指标' },
    value: { label: '数值' },
    unit: { label: '单位' },
  },
  'shared.seo': {
    metaTitle: { label: '页面标题' },
    metaDescription: { label: '页面描述' },
    keywords: { label: '关键词' },
    shareImage: { label: '分享图' },
  },
};

type FieldMetadata = { edit?: { label?: string; description?: string }; list?: { label?: string } };
type Configuration = { metadatas?: Record<string, FieldMetadata> };
type ConfigurationService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};

/**
 * The labels of FIELD_LABELS set where they are still Strapi's defaults (the API name, an empty
 * description): an administrator who renamed a label in the panel keeps their wording.
 * Returns the labels changed.
 */
export const labelFieldsInChinese = async (strapi: Core.Strapi): Promise<number> => {
  const contentManager = strapi.plugin('content-manager');
  let changed = 0;
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    if (!labels) continue;
    const isComponent = uid in strapi.components;
    if (!isComponent && !(uid in strapi.contentTypes)) continue;
    // Boundary: the content manager's services are untyped; these two methods are all we use.
    const service = contentManager.service(
      isComponent ? 'components' : 'content-types',
    ) as ConfigurationService;
    const configuration = await service.findConfiguration({ uid });
    const metadatas = configuration.metadatas ?? {};
    let changedHere = 0;
    for (const [field, { label, description }] of Object.entries(labels)) {
      const { edit, list } = metadatas[field] ?? {};
      if (edit?.label === field) {
        edit.label = label;
        changedHere += 1;
      }
      if (list?.label === field) {
        list.label = label;
        changedHere += 1;
      }
      if (edit && description && !edit.description) {
        edit.description = description;
        changedHere += 1;
      }
    }
    if (changedHere > 0)
      await service.updateConfiguration({ uid }, { ...configuration, metadatas });
    changed += changedHere;
  }
  return changed;
};
