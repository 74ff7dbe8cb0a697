import * as React from 'react';
import { Link } from '@strapi/icons';
import { useAuth, useClipboard, useNotification } from '@strapi/strapi/admin';
import type {
  DocumentActionComponent,
  DocumentActionProps,
} from '@strapi/content-manager/strapi-admin';
import { holdsAny, type PagePermission } from '../../access/admin-pages';

type ActionType = NonNullable<DocumentActionComponent['type']>;

/**
 * The edit view's actions a role may lack, with the permission each needs. Strapi shows them to
 * everyone (Delete merely disabled, Edit the model and Configure the view not even that), so an
 * editor meets buttons that only end in a refusal.
 */
const NEEDED: Partial<Record<ActionType, (props: DocumentActionProps) => PagePermission[]>> = {
  delete: ({ model }) => [{ action: 'plugin::content-manager.explorer.delete', subject: model }],
  'edit-the-model': () => [{ action: 'plugin::content-type-builder.read' }],
  'configure-the-view': ({ collectionType }) => [
    { action: `plugin::content-manager.${collectionType}.configure-view` },
  ],
};

const hiddenWithout = (
  Action: DocumentActionComponent,
  needed: (props: DocumentActionProps) => PagePermission[],
): DocumentActionComponent => {
  const Permitted: DocumentActionComponent = (props) => {
    // Both hooks run on every render, whatever the answer: the action's own, then the user's permissions.
    const description = Action(props);
    const held = useAuth('HiddenForRole', (auth) => auth.permissions);
    return holdsAny(needed(props), held) ? description : null;
  };
  Permitted.type = Action.type;
  Permitted.position = Action.position;
  return Permitted;
};

/** 复制本页链接: the edit view's address, to send to a reviewer. */
const CopyEditLink: DocumentActionComponent = ({ documentId }) => {
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  if (!documentId) return null;
  return {
    label: '复制本页链接',
    icon: React.createElement(Link),
    position: 'header',
    onClick: async () => {
      if (await copy(window.location.href))
        toggleNotification({ type: 'success', message: '已复制本页链接' });
    },
  };
};
CopyEditLink.position = 'header';

/**
 * The document actions, those the signed-in user's role cannot use left out (the rest untouched).
 * Strapi disables the header's 更多操作 menu when none of its actions is enabled, and with it the
 * document ID and the 信息 it also holds; an editor left with no header action keeps the menu
 * through 复制本页链接.
 */
export const hideActionsTheRoleCannotUse = (
  actions: DocumentActionComponent[],
): DocumentActionComponent[] => [
  ...actions.map((action) => {
    const needed = action.type ? NEEDED[action.type] : undefined;
    return needed ? hiddenWithout(action, needed) : action;
  }),
  CopyEditLink,
];
