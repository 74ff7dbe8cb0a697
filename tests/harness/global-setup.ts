import { compileStrapi } from '@strapi/strapi';

/** Compiles the TypeScript app to dist/ once per run; every test file then boots from it. */
export default async function globalSetup(): Promise<void> {
  await compileStrapi({ appDir: process.cwd() });
}
