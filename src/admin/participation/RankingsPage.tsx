import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Main,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { periodLabel, periodOf, recentPeriods, type PeriodKind } from '../../participation/periods';
import type { QuotaFulfilment, Ranking, RankingScope } from '../../participation/rankings';

const PERIODS: ReadonlyArray<{ kind: PeriodKind; label: string }> = [
  { kind: 'month', label: '月 Month' },
  { kind: 'quarter', label: '季度 Quarter' },
  { kind: 'year', label: '年 Year' },
];

/**
 * 积分排名: points per person or per organization in a month, quarter or year, the quarter's
 * quotas and how far each organization got, and the ranking as a spreadsheet for the annual
 * 优秀通讯员 award.
 */
const RankingsPage = () => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [periodKind, setPeriodKind] = React.useState<PeriodKind>('month');
  // The current month, quarter or year in Asia/Shanghai, as the server counts points.
  const [value, setValue] = React.useState(() => periodOf(new Date()).month);
  const offered = React.useMemo(() => recentPeriods(periodKind, new Date()), [periodKind]);
  const [scope, setScope] = React.useState<RankingScope>('person');
  const [ranking, setRanking] = React.useState<Ranking | null>(null);
  const [quotas, setQuotas] = React.useState<QuotaFulfilment[] | null>(null);

  const query = React.useMemo(
    () => new URLSearchParams({ period: periodKind, scope, value }).toString(),
    [periodKind, scope, value],
  );

  React.useEffect(() => {
    // A period picked quickly after another: only the last one's answer is shown.
    let current = true;
    get<{ data: Ranking }>(`/participation/rankings?${query}`)
      .then(({ data }) => current && setRanking(data.data))
      .catch(() => current && setRanking(null));
    return () => {
      current = false;
    };
  }, [get, query]);

  React.useEffect(() => {
    const quarter = periodKind === 'quarter' ? `?value=${encodeURIComponent(value)}` : '';
    get<{ data: QuotaFulfilment[] }>(`/participation/quotas${quarter}`)
      .then(({ data }) => setQuotas(data.data))
      .catch(() => setQuotas(null));
  }, [get, periodKind, value]);

  const download = async (format: 'xlsx' | 'csv') => {
    try {
      const { data } = await get<Blob>(`/participation/rankings/export?${query}&format=${format}`, {
        responseType: 'blob',
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(data);
      link.download = `rankings-${scope}-${ranking?.period ?? 'period'}.${format}`;
      link.click();
      // Let the browser take the file before the address is dropped.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as Error).message });
    }
  };

  return (
    <Main>
      <Layouts.Header
        title="积分排名 Rankings"
        subtitle={ranking ? `${ranking.period} · ${ranking.rows.length} 名 ranked` : '…'}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={() => download('csv')}>
              导出 CSV
            </Button>
            <Button onClick={() => download('xlsx')}>导出 Excel</Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" paddingBottom={4}>
          <Field.Root name="period">
            <Field.Label>周期 Period</Field.Label>
            <SingleSelect
              value={periodKind}
              onChange={(next: string | number) => {
                const kind = next as PeriodKind;
                setPeriodKind(kind);
                setValue(periodOf(new Date())[kind]);
              }}
            >
              {PERIODS.map((period) => (
                <SingleSelectOption key={period.kind} value={period.kind}>
                  {period.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="value">
            <Field.Label>哪一期 Which</Field.Label>
            <SingleSelect
              value={value}
              onChange={(next: string | number) => setValue(String(next))}
            >
              {offered.map((period) => (
                <SingleSelectOption key={period} value={period}>
                  {periodLabel(periodKind, period)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Flex>
        <Tabs.Root value={scope} onValueChange={(next: string) => setScope(next as RankingScope)}>
          <Tabs.List aria-label="积分排名 Rankings">
            <Tabs.Trigger value="person">个人 People</Tabs.Trigger>
            <Tabs.Trigger value="organization">党组织 Organizations</Tabs.Trigger>
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={4}>
          {ranking === null ? (
            <Typography textColor="danger600">
              无法读取这一期 This period cannot be read.
            </Typography>
          ) : ranking.rows.length === 0 ? (
            <Typography textColor="neutral600">
              这一期还没有积分 No points in this period yet.
            </Typography>
          ) : (
            <Table colCount={5} rowCount={ranking.rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">名次 Rank</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {scope === 'person' ? '姓名 Name' : '党组织 Organization'}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {scope === 'person' ? '所属党组织 Organization' : ''}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">采用 Adopted</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">积分 Points</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {ranking.rows.map((row) => (
                  <Tr
                    key={`${row.rank}-${row.name}-${row.employeeNumber ?? ''}`}
                    data-testid="ranking-row"
                  >
                    <Td>
                      <Typography>{row.rank}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography fontWeight="semiBold">{row.name}</Typography>
                        {row.correspondent ? (
                          <Badge backgroundColor="warning100" textColor="warning700">
                            通讯员
                          </Badge>
                        ) : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography textColor="neutral600">
                        {scope === 'person' ? row.organization : ''}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{row.adopted}</Typography>
                    </Td>
                    <Td>
                      <Typography fontWeight="bold">{row.points}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
        {quotas && quotas.length > 0 ? (
          <Box paddingTop={6}>
            <Typography variant="delta" tag="h2">
              {quotas[0].quarter} 投稿任务 Quotas
            </Typography>
            <Box paddingTop={2}>
              <Table colCount={3} rowCount={quotas.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">党组织 Organization</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">采用/任务 Adopted / quota</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">完成 Met</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {quotas.map((quota) => (
                    <Tr key={quota.organizationDocumentId} data-testid="quota-row">
                      <Td>
                        <Typography>{quota.organization}</Typography>
                      </Td>
                      <Td>
                        <Typography>
                          {quota.adopted} / {quota.adoptedTarget}
                        </Typography>
                      </Td>
                      <Td>
                        {quota.fulfilled ? (
                          <Badge backgroundColor="success100" textColor="success700">
                            已完成
                          </Badge>
                        ) : (
                          <Badge>未完成</Badge>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          </Box>
        ) : null}
      </Layouts.Content>
    </Main>
  );
};

export default RankingsPage;
