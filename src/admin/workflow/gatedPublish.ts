import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { isPublishableModel, useEditedLocale, useWorkflowStatus } from './workflow-api';

/**
 * Wraps the content manager's own Publish button: it stays, but is enabled only when the
 * workflow would accept the publish (approved version, schedule due), so nobody is offered a
 * Publish the server refuses. The server-side release gate is the rule; this is courtesy.
 */
export const gatedPublish = (Publish: DocumentActionComponent): DocumentActionComponent => {
  const GatedPublish: DocumentActionComponent = (props) => {
    const description = Publish(props);
    const { saved } = useEditedLocale(props.document);
    // Nothing to ask of a locale not saved yet: the saved document is another locale's.
    const { status } = useWorkflowStatus(props.model, saved ? props.documentId : undefined, props.document?.locale as string | undefined, props.document?.updatedAt);
    if (!description || !isPublishableModel(props.model)) return description;
    // A new document, or a new locale of one, is saved as a draft and reviewed first; create-and-publish is always refused.
    if (!props.documentId || !saved) return { ...description, disabled: true };
    if (!status) return description;
    return { ...description, disabled: description.disabled || !status.actions.includes('publish') };
  };
  GatedPublish.type = Publish.type;
  GatedPublish.position = Publish.position;
  return GatedPublish;
};
