import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Grid,
  Main,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { UID } from '../../constants';
import { READINESS_LABELS, STATE_LABELS, TYPE_LABELS } from './labels';
import type { CalendarEntry } from './workflow-api';
import { instantOfWallClock, readableClock, readableDate } from '../../i18n/people-time';
import { usePeopleTimeZone } from './people-time';

const DAY_MS = 24 * 3600_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

// Calendar days are dates in the configured zone (ADMIN_TIME_ZONE), `2026-12-07`, not the browser's.
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);
const addDays = (day: string, count: number) =>
  new Date(noonOf(day).getTime() + count * DAY_MS).toISOString().slice(0, 10);
/** The Monday of the week holding `day`. */
const mondayOf = (day: string) => addDays(day, -((noonOf(day).getUTCDay() + 6) % 7));

/** A brand or an organisation, as the filters list them. */
type Brand = { documentId: string; name: string };

/** Each channel's name in the panel, by channel (`GET /channels`: the server's registered channels). */
type ChannelLabels = Record<string, string>;

const EntryCard = ({
  entry,
  channelLabels,
}: {
  entry: CalendarEntry;
  channelLabels: ChannelLabels;
}) => {
  const readiness = READINESS_LABELS[entry.readiness];
  const timeZone = usePeopleTimeZone();
  return (
    <Box
      padding={2}
      background={entry.atRisk ? 'danger100' : 'neutral0'}
      hasRadius
      borderColor="neutral200"
      data-testid="calendar-entry"
    >
      <Typography variant="pi" fontWeight="bold" tag="p">
        {readableClock(entry.at, timeZone)} {entry.action === 'publish' ? '发布' : '下线'}
      </Typography>
      <Link
        to={`/content-manager/collection-types/${entry.contentType}/${entry.documentId}?plugins[i18n][locale]=${entry.locale}`}
      >
        <Typography variant="pi" tag="p">
          {entry.title ?? entry.documentId}
        </Typography>
      </Link>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {TYPE_LABELS[entry.contentType]?.split(' ')[0]} · {entry.locale} ·{' '}
        {entry.channels.map((channel) => channelLabels[channel] ?? channel).join('、')}
      </Typography>
      <Flex gap={1} wrap="wrap" paddingTop={1}>
        <Badge backgroundColor={readiness.background} textColor={readiness.color}>
          {readiness.text}
        </Badge>
        {entry.stageName ? <Badge>{entry.stageName}</Badge> : null}
      </Flex>
      <Typography variant="pi" tag="p" textColor="neutral500">
        {STATE_LABELS[entry.reviewState]}
      </Typography>
    </Box>
  );
};

/** A filter by one document of a type (a brand, an organisation), cleared to show all. */
const DocumentFilter = ({
  label,
  placeholder,
  value,
  onChange,
  options,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  options: Brand[];
}) => (
  <Box minWidth="200px">
    <SingleSelect
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(picked: string | number) => onChange(String(picked))}
      onClear={() => onChange('')}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.documentId} value={option.documentId}>
          {option.name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Box>
);

/**
 * 发布日历: what goes live or comes down each day of a week (or one day), on which channel,
 * and whether it is approved or still at risk of missing its time.
 */
const ReleaseCalendarPage = () => {
  const { get } = useFetchClient();
  const timeZone = usePeopleTimeZone();
  const today = () => readableDate(Date.now(), timeZone);
  const [start, setStart] = React.useState(() => mondayOf(today()));
  const [days, setDays] = React.useState<1 | 7>(7);
  const [channel, setChannel] = React.useState('');
  const [brand, setBrand] = React.useState('');
  const [brands, setBrands] = React.useState<Brand[]>([]);
  const [channelLabels, setChannelLabels] = React.useState<ChannelLabels>({});
  const [organization, setOrganization] = React.useState('');
  const [organizations, setOrganizations] = React.useState<Brand[]>([]);
  const [entries, setEntries] = React.useState<CalendarEntry[] | null>(null);

  React.useEffect(() => {
    get<{ data: Array<{ name: string; label: { zh: string } }> }>('/channels/labels')
      .then(({ data }) =>
        setChannelLabels(Object.fromEntries(data.data.map(({ name, label }) => [name, label.zh]))),
      )
      .catch(() => setChannelLabels({}));
    get<{ results: Brand[] }>(
      `/content-manager/collection-types/${UID.brand}?page=1&pageSize=100&locale=zh-CN`,
    )
      .then(({ data }) => setBrands(data.results))
      .catch(() => setBrands([]));
    get<{ results: Brand[] }>(
      `/content-manager/collection-types/${UID.organization}?page=1&pageSize=100&sort=name:ASC`,
    )
      .then(({ data }) => setOrganizations(data.results))
      .catch(() => setOrganizations([]));
  }, [get]);

  React.useEffect(() => {
    const [from, to] = [
      instantOfWallClock(`${start}T00:00`, timeZone),
      instantOfWallClock(`${addDays(start, days)}T00:00`, timeZone),
    ];
    if (!from || !to) return;
    const query = new URLSearchParams({
      from,
      to,
      ...(channel ? { channel } : {}),
      ...(brand ? { brand } : {}),
      ...(organization ? { organization } : {}),
    });
    setEntries(null);
    get<{ data: CalendarEntry[] }>(`/workflow/calendar?${query}`)
      .then(({ data }) => setEntries(data.data))
      .catch(() => setEntries([]));
  }, [get, start, days, channel, brand, organization, timeZone]);

  const dates = Array.from({ length: days }, (_, index) => addDays(start, index));
  const atRisk = (entries ?? []).filter((entry) => entry.atRisk).length;

  return (
    <Main>
      <Layouts.Header
        title="发布日历 Release calendar"
        subtitle={
          entries
            ? `${entries.length} 项定时发布或下线${atRisk > 0 ? `，${atRisk} 项尚未通过审核` : ''}`
            : '…'
        }
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap">
          <Button variant="tertiary" onClick={() => setStart(addDays(start, -days))}>
            ← {days === 7 ? '上一周' : '前一天'}
          </Button>
          <Button
            variant="tertiary"
            onClick={() => setStart(days === 7 ? mondayOf(today()) : today())}
          >
            {days === 7 ? '本周' : '今天'}
          </Button>
          <Button variant="tertiary" onClick={() => setStart(addDays(start, days))}>
            {days === 7 ? '下一周' : '后一天'} →
          </Button>
          <Button
            variant={days === 7 ? 'secondary' : 'tertiary'}
            onClick={() => {
              setDays(7);
              setStart(mondayOf(start));
            }}
          >
            按周 Week
          </Button>
          <Button variant={days === 1 ? 'secondary' : 'tertiary'} onClick={() => setDays(1)}>
            按日 Day
          </Button>
          <Box minWidth="160px">
            <SingleSelect
              aria-label="渠道 Channel"
              placeholder="全部渠道 All channels"
              value={channel}
              onChange={(value: string | number) => setChannel(String(value))}
              onClear={() => setChannel('')}
            >
              {Object.entries(channelLabels).map(([value, label]) => (
                <SingleSelectOption key={value} value={value}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <DocumentFilter
            label="品牌 Brand"
            placeholder="全部品牌 All brands"
            value={brand}
            onChange={setBrand}
            options={brands}
          />
          <DocumentFilter
            label="组织 Organization"
            placeholder="全部组织 All organizations"
            value={organization}
            onChange={setOrganization}
            options={organizations}
          />
        </Flex>
        <Grid.Root gap={2} gridCols={days}>
          {dates.map((date) => {
            const onDay = (entries ?? []).filter(
              (entry) => readableDate(entry.at, timeZone) === date,
            );
            return (
              <Grid.Item key={date} col={1} direction="column" alignItems="stretch">
                <Box padding={2} background="neutral100" hasRadius>
                  <Typography variant="sigma">
                    {WEEKDAYS[noonOf(date).getUTCDay()]} {Number(date.slice(5, 7))}/
                    {Number(date.slice(8, 10))}
                  </Typography>
                </Box>
                <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
                  {onDay.length === 0 ? (
                    <Typography variant="pi" textColor="neutral500">
                      —
                    </Typography>
                  ) : (
                    onDay.map((entry) => (
                      <EntryCard
                        key={`${entry.documentId}:${entry.locale}:${entry.action}`}
                        entry={entry}
                        channelLabels={channelLabels}
                      />
                    ))
                  )}
                </Flex>
              </Grid.Item>
            );
          })}
        </Grid.Root>
      </Layouts.Content>
    </Main>
  );
};

export default ReleaseCalendarPage;
