import * as React from 'react';
import { Information } from '@strapi/icons';

/**
 * Why a greyed document action cannot be used, as its tooltip. The content manager draws the
 * button itself and takes only a string label, so the reason rides in as the button's icon, which
 * marks the button with an ⓘ and gives it the reason as its title.
 */
export const DisabledReason = ({
  reason,
  children,
}: {
  reason: string;
  children?: React.ReactNode;
}) => {
  const mark = React.useRef<HTMLSpanElement>(null);
  React.useLayoutEffect(() => {
    const button = mark.current?.closest('button');
    if (!button) return undefined;
    button.title = reason;
    return () => button.removeAttribute('title');
  }, [reason]);
  return (
    <span
      ref={mark}
      data-testid="disabled-reason"
      style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}
    >
      {children}
      <Information aria-hidden />
    </span>
  );
};
