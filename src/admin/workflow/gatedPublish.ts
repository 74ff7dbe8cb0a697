import * as React from 'react';
import type {
  DocumentActionComponent,
  DocumentActionDescription,
} from '@strapi/content-manager/strapi-admin';
import { DisabledReason } from './DisabledReason';
import { isPublishableModel, useEditedLocale, useWorkflowStatus } from './workflow-api';

// Said when the workflow gives no reason of its own: publishing is not this role's.
const NOT_THIS_ROLE = '发布由审核员在审核通过后进行';
const UNSAVED = '新内容先保存并送审，审核通过后才能发布';

const withReason = (
  description: DocumentActionDescription,
  reason: string,
): DocumentActionDescription => ({
  ...description,
  disabled: true,
  icon: React.createElement(DisabledReason, { reason }, description.icon),
});

/**
 * Wraps the content manager's own Publish button: it stays, but is enabled only when the
 * workflow would accept the publish (approved version, schedule due), so nobody is offered a
 * Publish the server refuses; greyed, it says why. The server-side release gate is the rule; this
 * is courtesy.
 */
export const gatedPublish = (Publish: DocumentActionComponent): DocumentActionComponent => {
  const GatedPublish: DocumentActionComponent = (props) => {
    const description = Publish(props);
    const { saved } = useEditedLocale(props.document);
    // Nothing to ask of a locale not saved yet: the saved document is another locale's.
    const { status } = useWorkflowStatus(
      props.model,
      saved ? props.documentId : undefined,
      props.document?.locale as string | undefined,
      props.document?.updatedAt,
    );
    if (!description || !isPublishableModel(props.model)) return description;
    // A new document, or a new locale of one, is saved as a draft and reviewed first; create-and-publish is always refused.
    if (!props.documentId || !saved) return withReason(description, UNSAVED);
    if (!status) return description;
    if (status.actions.includes('publish')) return description;
    return withReason(description, status.whyNot.publish ?? NOT_THIS_ROLE);
  };
  GatedPublish.type = Publish.type;
  GatedPublish.position = Publish.position;
  return GatedPublish;
};
