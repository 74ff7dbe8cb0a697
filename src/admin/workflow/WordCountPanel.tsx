import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { UID } from '../../constants';
import { articleCounts, type LengthCheck } from '../../channels/wechat/article-counts';

const Limit = ({ label, check, testId }: { label: string; check: LengthCheck; testId: string }) => (
  <Typography
    variant="omega"
    textColor={check.over ? 'danger600' : 'neutral800'}
    fontWeight={check.over ? 'bold' : undefined}
    data-testid={testId}
    data-over={check.over}
  >
    {label} {check.length}/{check.limit}
    {check.over ? `（超出 ${check.length - check.limit} 字）` : ''}
  </Typography>
);

/** Counts of the form as it is now, unsaved typing included: they follow each keystroke. */
const WordCountContent = () => {
  const values = useForm('WordCountPanel', (form) => form.values);
  const counts = React.useMemo(() => articleCounts(values), [values]);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} width="100%">
      <Typography variant="omega" fontWeight="bold" data-testid="body-word-count">
        正文 {counts.words} 字
      </Typography>
      <Limit label="标题" check={counts.title} testId="title-length" />
      <Limit label="摘要" check={counts.digest} testId="digest-length" />
      <Typography variant="pi" textColor="neutral600">
        汉字每字计 1，英文单词、数字每个计 1，标点不计；标题、摘要按微信公众号的上限计。
      </Typography>
    </Flex>
  );
};

/** 字数: an article's body word count, and its title and digest against the limits WeChat enforces. */
export const WordCountPanel: PanelComponent = ({ model }) => {
  if (model !== UID.article) return null;
  return { title: '字数统计', content: <WordCountContent /> };
};
