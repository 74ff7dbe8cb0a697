import { readFileSync } from 'fs';
import path from 'path';
import { displayName, fullName, nameInitials } from '../../src/i18n/person-names';
import { patchedStrapiSource } from '../../src/admin/vite.config';

describe('fullName', () => {
  test.each([
    [{ firstname: '晓雯', lastname: '李' }, '李晓雯'],
    [{ firstname: ' 佳 ', lastname: '刘' }, '刘佳'],
    [{ firstname: '晓明', lastname: '欧阳' }, '欧阳晓明'],
    [{ firstname: '阿依古丽·买买提', lastname: '' }, '阿依古丽·买买提'],
    [{ firstname: 'Ming', lastname: 'Wang' }, 'Ming Wang'],
    [{ firstname: 'Site', lastname: 'Administrator' }, 'Site Administrator'],
    [{ firstname: '晓雯', lastname: 'Li' }, '晓雯 Li'],
    [{ firstname: '李晓雯', lastname: '' }, '李晓雯'],
    [{ firstname: '李晓雯', lastname: null }, '李晓雯'],
    [{}, ''],
  ])('%j is written %s', (person, written) => {
    expect(fullName(person)).toBe(written);
  });
});

describe('displayName', () => {
  test('a sign-in name the person chose wins, as in Strapi', () => {
    expect(displayName({ username: 'xiaowen', firstname: '晓雯', lastname: '李' })).toBe('xiaowen');
  });

  test('with no name at all the email is shown', () => {
    expect(displayName({ email: 'editor@example.com' })).toBe('editor@example.com');
    expect(displayName({ firstname: '', lastname: '', email: 'editor@example.com' })).toBe(
      'editor@example.com',
    );
  });
});

describe('nameInitials', () => {
  test.each([
    [{ firstname: '晓雯', lastname: '李' }, '晓雯'],
    [{ firstname: '佳', lastname: '刘' }, '刘佳'],
    [{ firstname: '晓明', lastname: '欧阳' }, '晓明'],
    [{ firstname: 'Ming', lastname: 'Wang' }, 'MW'],
    [{ firstname: 'site', lastname: 'administrator' }, 'SA'],
    [{ email: 'editor@example.com' }, 'E'],
    [{}, ''],
  ])('%j shows %s in the avatar', (person, initials) => {
    expect(nameInitials(person)).toBe(initials);
  });
});

describe('the admin panel’s patches of Strapi', () => {
  const strapiFile = (file: string) => path.join(__dirname, '..', '..', 'node_modules', file);

  test.each([
    '@strapi/admin/dist/admin/admin/src/components/MainNav/NavUser.mjs',
    '@strapi/admin/dist/admin/admin/src/components/Widgets.mjs',
    '@strapi/admin/dist/admin/admin/src/pages/Settings/pages/Users/ListPage.mjs',
    '@strapi/admin/dist/admin/admin/src/pages/Settings/pages/Users/components/SelectRoles.mjs',
    '@strapi/admin/dist/admin/admin/src/pages/Settings/pages/Roles/ListPage.mjs',
  ])('%s prints role names through roleLabel', (file) => {
    const patched = patchedStrapiSource(strapiFile(file), readFileSync(strapiFile(file), 'utf8'));
    expect(patched).toContain('__brandRoleLabel(role.name)');
    expect(patched?.split('\n')[0]).toContain('role-labels.ts');
  });

  test('Strapi’s name functions are replaced by ours, and other files left alone', () => {
    const users = strapiFile('@strapi/content-manager/dist/admin/utils/users.mjs');
    expect(patchedStrapiSource(users, readFileSync(users, 'utf8'))).toContain('strapi-users.ts');
    const other = strapiFile('@strapi/admin/dist/admin/admin/src/pages/ProfilePage.mjs');
    expect(patchedStrapiSource(other, readFileSync(other, 'utf8'))).toBeNull();
  });

  test('the design system’s dialogs say 关闭 on their close button, with nothing else added', () => {
    const file = strapiFile('@strapi/design-system/dist/index.mjs');
    const patched = patchedStrapiSource(file, readFileSync(file, 'utf8'));
    expect(patched).toContain('closeLabel: t = "关闭"');
    expect(patched).not.toContain('Close modal');
    expect(patched).not.toContain('__brandRoleLabel');
  });

  test('the media picker’s search button says 搜索', () => {
    const file = strapiFile(
      '@strapi/upload/dist/admin/components/AssetDialog/BrowseStep/SearchAsset/SearchAsset.mjs',
    );
    expect(patchedStrapiSource(file, readFileSync(file, 'utf8'))).toContain('label: "搜索",');
  });

  test('a patch whose text Strapi changed stops the build, naming the file', () => {
    expect(() =>
      patchedStrapiSource(
        strapiFile('@strapi/admin/dist/admin/admin/src/components/MainNav/NavUser.mjs'),
        'const renamed = 1;',
      ),
    ).toThrow(/NavUser\.mjs/);
  });
});
