import type { Core } from '@strapi/strapi';
import { PUBLIC_UIDS, PUBLISHABLE_UIDS, WORKFLOW_UID } from '../constants';

const EXPLORER = 'plugin::content-manager.explorer';
const MEDIA_LIBRARY_READ = [
  'plugin::upload.read',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];
const MEDIA_LIBRARY_WRITE = [
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.configure-view',
];

type Grant = { action: string; subjects?: readonly string[] };
type RoleDefinition = { name: string; description: string; grants: readonly Grant[] };

// Every review stage reads everything and releases what was approved; the stages differ in the workflow, not here.
const REVIEWER_GRANTS: readonly Grant[] = [
  { action: `${EXPLORER}.read`, subjects: PUBLIC_UIDS },
  { action: `${EXPLORER}.publish`, subjects: PUBLISHABLE_UIDS },
  ...MEDIA_LIBRARY_READ.map((action) => ({ action })),
];

/**
 * The editorial roles of the brand site. Reviewers can publish; the workflow adds the approval
 * gate on top, so the admin permission alone never releases unreviewed content.
 */
export const EDITORIAL_ROLES: readonly RoleDefinition[] = [
  {
    name: 'Publicity Editor',
    description:
      '宣传编辑: writes and updates drafts of all content, uploads media; cannot publish.',
    grants: [
      { action: `${EXPLORER}.create`, subjects: PUBLIC_UIDS },
      { action: `${EXPLORER}.read`, subjects: PUBLIC_UIDS },
      { action: `${EXPLORER}.update`, subjects: PUBLIC_UIDS },
      // The 规范用语 rules their drafts are checked against, to read only: administrators keep them.
      { action: `${EXPLORER}.read`, subjects: [WORKFLOW_UID.terminologyRule] },
      ...[...MEDIA_LIBRARY_READ, ...MEDIA_LIBRARY_WRITE].map((action) => ({ action })),
    ],
  },
  {
    name: 'Reviewer',
    description: '审核员: reads everything, publishes and unpublishes reviewed content.',
    grants: REVIEWER_GRANTS,
  },
  {
    name: 'Chief Reviewer',
    description:
      '终审: final-stage reviewer; reads everything, publishes and unpublishes reviewed content.',
    grants: REVIEWER_GRANTS,
  },
  // Which organizations each handler serves is the 意见处理人 table (src/participation/opinions.ts).
  {
    name: 'Handler',
    description:
      '意见处理人: answers the staff opinions sent to the organizations assigned to them (e.g. a branch secretary); no content access.',
    grants: [],
  },
];

/** Expands grants into admin permissions with every field and every locale. */
const toPermissions = (strapi: Core.Strapi, grants: readonly Grant[], localeCodes: string[]) => {
  const { actionProvider } = strapi.service('admin::permission');
  const contentTypes = strapi.service('admin::content-type');
  return grants.flatMap((grant) => {
    const action = actionProvider.get(grant.action);
    if (!action) throw new Error(`Unknown admin action ${grant.action}`);
    if (grant.subjects === undefined) return [{ action: grant.action }];
    return contentTypes
      .getPermissionsWithNestedFields([{ ...action, subjects: [...grant.subjects] }])
      .map((permission: { properties: Record<string, unknown> }) => ({
        ...permission,
        properties: { ...permission.properties, locales: localeCodes },
      }));
  });
};

/**
 * Creates the editorial roles that do not exist yet. Existing roles are left as administrators
 * configured them: bootstrap runs on every start and must not undo their changes.
 */
export const ensureEditorialRoles = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.service('admin::role');
  const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
  const localeCodes = locales.map((locale) => locale.code);

  const createdNow = new Set<string>();
  for (const definition of EDITORIAL_ROLES) {
    if (await roles.findOne({ name: definition.name })) continue;
    const role = await roles.create({ name: definition.name, description: definition.description });
    await roles.assignPermissions(role.id, toPermissions(strapi, definition.grants, localeCodes));
    createdNow.add(definition.name);
    strapi.log.info(`Created admin role "${definition.name}"`);
  }
  await applyLaterGrants(strapi, createdNow, localeCodes);
};

// Grants added to a role after its first release, each applied once to an existing database (a
// fresh one has them from the role's definition); an administrator who later removes one keeps it removed.
const LATER_GRANTS: ReadonlyArray<{ key: string; role: string; grants: readonly Grant[] }> = [
  {
    key: 'editor-reads-terminology-rules',
    role: 'Publicity Editor',
    grants: [{ action: `${EXPLORER}.read`, subjects: [WORKFLOW_UID.terminologyRule] }],
  },
];
const appliedGrantsMarker = (strapi: Core.Strapi) =>
  strapi.store({ type: 'core', name: 'brand-cms', key: 'editorial-role-grants-applied' });

/**
 * Adds, once, the grants that came after a role was created. Roles created on this start
 * already have them; they are only marked applied.
 */
const applyLaterGrants = async (
  strapi: Core.Strapi,
  createdNow: ReadonlySet<string>,
  localeCodes: string[],
): Promise<void> => {
  const marker = appliedGrantsMarker(strapi);
  const applied = new Set(((await marker.get({})) as string[] | null) ?? []);
  const pending = LATER_GRANTS.filter((grant) => !applied.has(grant.key));
  if (pending.length === 0) return;
  const roles = strapi.service('admin::role');
  for (const { key, role: name, grants } of pending) {
    const role: { id: number } | null = await roles.findOne({ name });
    if (role && !createdNow.has(name)) {
      await roles.addPermissions(role.id, toPermissions(strapi, grants, localeCodes));
      strapi.log.info(`Granted "${name}" ${key}`);
    }
    applied.add(key);
  }
  await marker.set({ value: [...applied] });
};
