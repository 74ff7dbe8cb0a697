import type { Browser, FrameLocator, Page } from 'playwright-core';

export type Account = [email: string, password: string];
export type Cms = {
  base: string;
  accounts: Record<
    'superAdmin' | 'editor' | 'reviewer' | 'secondReviewer' | 'chiefReviewer' | 'staff',
    Account
  >;
  screenToken: string;
  stop: () => Promise<void>;
};

/** scripts/browser/cms.js (shared with `npm run screenshots`), typed for the browser tests. */
export const cmsKit = require('../../scripts/browser/cms') as {
  missingBrowser: () => string | null;
  missingAdminBuild: () => string | null;
  launchBrowser: () => Promise<Browser>;
  startCms: (options: {
    port: number;
    name: string;
    extraEnv?: Record<string, string>;
  }) => Promise<Cms>;
  adminApi: (base: string) => {
    call: (
      token: string | null,
      method: string,
      url: string,
      body?: unknown,
    ) => Promise<{ data: Record<string, unknown>; results?: Array<Record<string, unknown>> }>;
    login: (account: Account) => Promise<string>;
  };
  signIn: (
    browser: Browser,
    base: string,
    account: Account,
    viewport?: { width: number; height: number },
    timezoneId?: string,
  ) => Promise<Page>;
  editViewPath: (uid: string, documentId: string, locale?: string) => string;
  openPreview: (page: Page, base: string, uid: string, documentId: string) => Promise<FrameLocator>;
  previewDevice: (page: Page, name: RegExp) => Promise<void>;
};

/** Why no browser test can run here (no Chromium, no admin build), or null. Said loudly, never skipped in silence. */
export const browserMissing = cmsKit.missingBrowser() ?? cmsKit.missingAdminBuild();
if (browserMissing) {
  const banner = '!'.repeat(100);
  console.warn(`${banner}\nBROWSER TESTS SKIPPED: ${browserMissing}\n${banner}`);
}

export const browserTest = browserMissing ? test.skip : test;
