import {
  ADMIN_PAGES,
  maySeePage,
  type AdminPage,
  type PagePermission,
} from '../src/access/admin-pages';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

/**
 * The menu's rule for each page (src/access/admin-pages.ts) against what the page's API really
 * does for each role: a page whose link a role does not see answers it 403, or an empty list.
 */
const app = bootTestAppForFile();

type Account = { email: string; password: string };
const HANDLER: Account = { email: 'menu-handler@example.com', password: 'Menu-Handler-Pass1' };

// The API each page reads as it opens; the workflow lists filter to what the user may read, the others refuse.
const PAGE_API: Partial<Record<AdminPage, { url: string; refuses: boolean }>> = {
  'review-queue': { url: '/workflow/queue', refuses: false },
  'my-items': { url: '/workflow/mine', refuses: false },
  'release-calendar': { url: '/workflow/calendar', refuses: false },
  contributions: { url: '/participation/contributions', refuses: true },
  rankings: { url: '/participation/rankings', refuses: true },
  opinions: { url: '/participation/opinions', refuses: true },
};

const as = async (account: Account) => ({
  Authorization: `Bearer ${await app.adminToken(account)}`,
});

beforeAll(async () => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { name: 'Handler' } });
  await app.strapi
    .service('admin::user')
    .create({ ...HANDLER, firstname: '书记', lastname: '菜单', isActive: true, roles: [role.id] });
});

describe('each role sees the links of the pages its API serves', () => {
  const accounts: Array<[string, Account]> = [
    ['editor', ACCOUNTS.editor],
    ['reviewer', ACCOUNTS.reviewer],
    ['chief reviewer', ACCOUNTS.chiefReviewer],
    ['handler', HANDLER],
    ['super admin', ACCOUNTS.superAdmin],
  ];

  test.each(accounts)(
    'the %s: a hidden page’s API refuses or has nothing; a shown one answers',
    async (_name, account) => {
      const auth = await as(account);
      const held: PagePermission[] = (
        await app.http().get('/admin/users/me/permissions').set(auth)
      ).body.data.map(({ action, subject }: { action: string; subject: string | null }) => ({
        action,
        subject: subject ?? undefined,
      }));
      for (const page of ADMIN_PAGES) {
        const api = PAGE_API[page];
        if (!api) continue;
        const response = await app.http().get(api.url).set(auth);
        const seen = maySeePage(page, held);
        if (seen || !api.refuses) expect([page, response.status]).toEqual([page, 200]);
        else expect([page, response.status]).toEqual([page, 403]);
        if (!seen && !api.refuses) expect([page, response.body.data]).toEqual([page, []]);
      }
    },
  );

  test('the handler, with no content grants, sees the opinions and nothing else; the editor every page', async () => {
    const heldBy = async (account: Account): Promise<PagePermission[]> =>
      (
        await app
          .http()
          .get('/admin/users/me/permissions')
          .set(await as(account))
      ).body.data;
    expect(ADMIN_PAGES.filter((page) => maySeePage(page, [])).length).toBe(1);
    const handler = await heldBy(HANDLER);
    expect(ADMIN_PAGES.filter((page) => maySeePage(page, handler))).toEqual(['opinions']);
    const editor = await heldBy(ACCOUNTS.editor);
    expect(ADMIN_PAGES.filter((page) => maySeePage(page, editor))).toEqual(ADMIN_PAGES);
  });
});
