import { readFileSync } from 'fs';
import path from 'path';
import type { Plugin, UserConfig } from 'vite';

/**
 * Strapi joins a person's name as "firstname lastname" (晓雯 李, avatar 晓李) and prints role
 * names as stored (PUBLICITY EDITOR), with no translation key for either. These few spots of its
 * compiled admin are patched at build time:
 * - its `utils/users.mjs` (admin, content manager, review workflows) is replaced by
 *   people/strapi-users.ts: family name first (李晓雯), avatar 晓雯;
 * - where a role's name is printed, it goes through roleLabel (宣传编辑); the English name
 *   stays the key in the database;
 * - the design system's dialogs say 关闭, not "Close modal", on their close button, and the
 *   media picker's search button 搜索, not "Search".
 * A patch whose text Strapi has changed is reported when the admin is built, never silently lost.
 */
const STRAPI_USER_NAMES = path.join(__dirname, 'people', 'strapi-users.ts');
const ROLE_LABELS = path.join(__dirname, '..', 'i18n', 'role-labels.ts');

type SourcePatch = {
  file: string;
  replace?: ReadonlyArray<readonly [string, string]>;
  replaceWith?: string;
};

const labelled = (expression: string) => `__brandRoleLabel(${expression})`;

const PATCHES: readonly SourcePatch[] = [
  ...[
    '@strapi/admin/dist/admin/admin/src/utils/users.mjs',
    '@strapi/content-manager/dist/admin/utils/users.mjs',
    '@strapi/review-workflows/dist/admin/utils/users.mjs',
  ].map((file) => ({
    file,
    replaceWith: `export { getDisplayName, getInitials, hashAdminUserEmail } from ${JSON.stringify(STRAPI_USER_NAMES)};\n`,
  })),
  {
    file: '@strapi/admin/dist/admin/admin/src/components/MainNav/NavUser.mjs',
    replace: [['children: role.name', `children: ${labelled('role.name')}`]],
  },
  {
    file: '@strapi/admin/dist/admin/admin/src/components/Widgets.mjs',
    replace: [['children: role.name', `children: ${labelled('role.name')}`]],
  },
  {
    file: '@strapi/admin/dist/admin/admin/src/pages/Settings/pages/Users/ListPage.mjs',
    replace: [['roles.map((role)=>role.name)', `roles.map((role)=>${labelled('role.name')})`]],
  },
  {
    file: '@strapi/admin/dist/admin/admin/src/pages/Settings/pages/Users/components/SelectRoles.mjs',
    replace: [['defaultMessage: role.name', `defaultMessage: ${labelled('role.name')}`]],
  },
  {
    file: '@strapi/admin/dist/admin/admin/src/pages/Settings/pages/Roles/ListPage.mjs',
    replace: [['name: role.name,', `name: ${labelled('role.name')},`]],
  },
  // The design system's dialogs read "Close modal" on their close button unless told otherwise; the media library's never tell.
  {
    file: '@strapi/design-system/dist/index.mjs',
    replace: [['closeLabel: t = "Close modal"', 'closeLabel: t = "关闭"']],
  },
  // The media picker's search button is labelled in English in the code, with no key.
  {
    file: '@strapi/upload/dist/admin/components/AssetDialog/BrowseStep/SearchAsset/SearchAsset.mjs',
    replace: [['label: "Search",', 'label: "搜索",']],
  },
];

/** The patched source of a Strapi admin file, null when the file is not one we patch. */
export const patchedStrapiSource = (id: string, code: string): string | null => {
  const file = id.split('?')[0].split(path.sep).join('/');
  const patch = PATCHES.find((candidate) => file.endsWith(`/node_modules/${candidate.file}`));
  if (!patch) return null;
  if (patch.replaceWith) return patch.replaceWith;
  let patched = code;
  for (const [from, to] of patch.replace ?? []) {
    if (!patched.includes(from))
      throw new Error(
        `src/admin/vite.config.ts: ${patch.file} no longer contains "${from}"; Strapi changed it, update the patch`,
      );
    patched = patched.split(from).join(to);
  }
  return patched.includes('__brandRoleLabel(')
    ? `import { roleLabel as __brandRoleLabel } from ${JSON.stringify(ROLE_LABELS)};\n${patched}`
    : patched;
};

const patchStrapiAdmin = (): Plugin => ({
  name: 'brand-cms:chinese-names-and-roles',
  enforce: 'pre',
  transform(code, id) {
    const patched = patchedStrapiSource(id, code);
    return patched === null ? null : { code: patched, map: null };
  },
});

// `strapi develop` pre-bundles the admin with esbuild, which Vite plugins do not see: the same
// patches are applied there.
const patchStrapiAdminPrebundle = {
  name: 'brand-cms:chinese-names-and-roles',
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: {
        path: string;
      }) => { contents: string; loader: 'js'; resolveDir: string } | undefined,
    ): void;
  }) {
    build.onLoad(
      {
        filter:
          /@strapi[\\/]((admin|content-manager|review-workflows|upload)[\\/]dist[\\/]admin[\\/].*|design-system[\\/]dist[\\/]index)\.mjs$/,
      },
      (args) => {
        const patched = patchedStrapiSource(args.path, readFileSync(args.path, 'utf8'));
        return patched === null
          ? undefined
          : { contents: patched, loader: 'js', resolveDir: path.dirname(args.path) };
      },
    );
  },
};

export default (config: UserConfig): UserConfig => ({
  ...config,
  plugins: [...(config.plugins ?? []), patchStrapiAdmin()],
  optimizeDeps: {
    ...config.optimizeDeps,
    esbuildOptions: {
      ...config.optimizeDeps?.esbuildOptions,
      plugins: [...(config.optimizeDeps?.esbuildOptions?.plugins ?? []), patchStrapiAdminPrebundle],
    },
  },
});
