import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { DEFAULT_PEOPLE_TIME_ZONE, readableTime } from '../../i18n/people-time';

// The configured zone (ADMIN_TIME_ZONE), asked of the server once per page load and shared.
let configured: string | null = null;
let asking = false;
const listeners = new Set<() => void>();
const subscribe = (notify: () => void) => {
  listeners.add(notify);
  return () => {
    listeners.delete(notify);
  };
};

/** The zone every time in the panel is shown and typed in: the server's ADMIN_TIME_ZONE, never the browser's. */
export const usePeopleTimeZone = (): string => {
  const { get } = useFetchClient();
  const zone = React.useSyncExternalStore(subscribe, () => configured ?? DEFAULT_PEOPLE_TIME_ZONE);
  React.useEffect(() => {
    if (configured || asking) return;
    asking = true;
    get<{ data: { timeZone: string } }>('/workflow/settings')
      .then(({ data }) => {
        configured = data.data.timeZone;
        listeners.forEach((notify) => notify());
      })
      .catch(() => {
        asking = false;
      });
  }, [get]);
  return zone;
};

/** A time as people read it (2026-12-07 18:44, in the configured zone), or `none`. */
export const PeopleTime = ({
  at,
  none = '—',
}: {
  at: string | null | undefined;
  none?: string;
}) => {
  const zone = usePeopleTimeZone();
  return <>{at ? readableTime(at, zone) : none}</>;
};
