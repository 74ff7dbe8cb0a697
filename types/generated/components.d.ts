import type { Schema, Struct } from '@strapi/strapi';

export interface BrandPillar extends Struct.ComponentSchema {
  collectionName: 'components_brand_pillars';
  info: {
    description: 'One pillar of a brand, e.g. \u53CC\u63D0\u5347 / \u4E09\u670D\u52A1 / \u56DB\u4E89\u5148';
    displayName: 'Pillar';
    icon: 'layer';
  };
  attributes: {
    text: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
  };
}

export interface PublishingChannels extends Struct.ComponentSchema {
  collectionName: 'components_publishing_channels';
  info: {
    description: 'Where a published item is released: website (and partner sites), WeChat Official Account, display screens';
    displayName: 'Channels';
    icon: 'paperPlane';
  };
  attributes: {
    screen: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
    website: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    wechat: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
  };
}

export interface SharedMetric extends Struct.ComponentSchema {
  collectionName: 'components_shared_metrics';
  info: {
    description: 'A measured result of an achievement: label, value, unit';
    displayName: 'Metric';
    icon: 'chartBubble';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    unit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 16;
      }>;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seos';
  info: {
    description: 'Search and sharing metadata';
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    keywords: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    shareImage: Schema.Attribute.Media<'images'>;
  };
}

export interface WorkflowReviewStage extends Struct.ComponentSchema {
  collectionName: 'components_workflow_review_stages';
  info: {
    description: 'One stage of a review chain and the admin role allowed to act on it';
    displayName: 'Review stage';
    icon: 'check';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    role: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'brand.pillar': BrandPillar;
      'publishing.channels': PublishingChannels;
      'shared.metric': SharedMetric;
      'shared.seo': SharedSeo;
      'workflow.review-stage': WorkflowReviewStage;
    }
  }
}
