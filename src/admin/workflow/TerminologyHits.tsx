import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useAuth, useForm, useNotification } from '@strapi/strapi/admin';
import { PlainTextMarks } from './PlainTextMarks';
import { jumpToHit } from './TerminologyJump';
import { replacedValue } from './terminologyTargets';
import { useTerminologyHighlights } from './terminologyHighlights';
import type { TerminologyHit } from './workflow-api';

const hitKey = (hit: TerminologyHit, index: number) => `${hit.field}:${hit.start}:${index}`;

/**
 * What the terminology check finds in the draft as saved: each hit in its sentence, the words
 * marked, with the rule's suggestion and note. It stays in the panel (a refused submit's toast
 * does not), blocking hits first. A hit's place jumps to its words in the editor and selects
 * them; 一键替换 puts the suggestion in their stead in the form, saved with the next save.
 */
export const TerminologyHits = ({ hits, model }: { hits: TerminologyHit[]; model: string }) => {
  useTerminologyHighlights(hits);
  const { toggleNotification } = useNotification();
  const values = useForm('TerminologyHits', (form) => form.values, false);
  const onChange = useForm('TerminologyHits', (form) => form.onChange, false);
  const formDisabled = useForm('TerminologyHits', (form) => form.disabled, false) === true;
  // Reviewers read the hits; only who may change the document is offered the replacement.
  const permissions = useAuth('TerminologyHits', (state) => state.permissions);
  const canUpdate = permissions.some(
    (permission) =>
      permission.action === 'plugin::content-manager.explorer.update' &&
      permission.subject === model,
  );
  const [replaced, setReplaced] = React.useState<ReadonlySet<string>>(new Set());
  React.useEffect(() => setReplaced(new Set()), [hits]);

  if (hits.length === 0) return null;
  const blocking = hits.filter((hit) => hit.severity === 'block');
  const ordered = [...blocking, ...hits.filter((hit) => hit.severity !== 'block')];

  const jump = (hit: TerminologyHit) => {
    if (!jumpToHit(hit, values))
      toggleNotification({
        type: 'warning',
        message: `编辑区中找不到“${hit.pattern}”：可能已改动，或该栏未显示`,
      });
  };
  const replace = (hit: TerminologyHit, key: string) => {
    const change = replacedValue(hit, values);
    if (!change || !onChange) {
      toggleNotification({
        type: 'warning',
        message: `“${hit.pattern}”已不在${hit.place}中，未替换`,
      });
      return;
    }
    onChange(change.name, change.value);
    setReplaced((current) => new Set([...current, key]));
  };

  return (
    <Box
      background={blocking.length > 0 ? 'danger100' : 'warning100'}
      padding={2}
      hasRadius
      data-testid="terminology-hits"
    >
      <PlainTextMarks hits={hits} />
      <Typography
        variant="pi"
        fontWeight="bold"
        textColor={blocking.length > 0 ? 'danger700' : 'warning700'}
      >
        {blocking.length > 0
          ? `用语检查：${blocking.length} 处须修改后才能送审`
          : `用语提示：${hits.length} 处`}{' '}
        · Terminology
      </Typography>
      {ordered.map((hit, index) => {
        const key = hitKey(hit, index);
        return (
          <Box key={key} paddingTop={2} data-testid="terminology-hit">
            <Typography variant="pi" tag="p" textColor="neutral600">
              {hit.severity === 'block' ? '✕ ' : '⚠ '}
              <button
                type="button"
                data-testid="terminology-jump"
                title="在编辑区中定位并选中"
                onClick={() => jump(hit)}
                style={{
                  border: 0,
                  padding: 0,
                  background: 'none',
                  color: 'inherit',
                  font: 'inherit',
                  textDecoration: 'underline',
                  cursor: 'pointer',
                }}
              >
                {hit.place}
              </button>
            </Typography>
            <Typography variant="pi" tag="p">
              {hit.sentence.slice(0, hit.sentenceStart)}
              <mark>
                {hit.sentence.slice(hit.sentenceStart, hit.sentenceStart + hit.pattern.length)}
              </mark>
              {hit.sentence.slice(hit.sentenceStart + hit.pattern.length)}
            </Typography>
            <Flex gap={2} wrap="wrap" alignItems="center">
              <Typography variant="pi" tag="p" fontWeight="bold">
                建议改为“{hit.suggestion ?? '—'}”{hit.note ? `（${hit.note}）` : ''}
              </Typography>
              {hit.suggestion && canUpdate && !formDisabled ? (
                replaced.has(key) ? (
                  <Typography
                    variant="pi"
                    textColor="success700"
                    data-testid="terminology-replaced"
                  >
                    已替换，保存后生效
                  </Typography>
                ) : (
                  <Button size="S" variant="secondary" onClick={() => replace(hit, key)}>
                    一键替换
                  </Button>
                )
              ) : null}
            </Flex>
          </Box>
        );
      })}
    </Box>
  );
};
