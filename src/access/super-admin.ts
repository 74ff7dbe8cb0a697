import type { Core } from '@strapi/strapi';

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD when the instance has no
 * super admin yet, so a fresh demo needs no sign-up form.
 */
export const ensureEnvSuperAdmin = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) return;

  const roles = strapi.service('admin::role');
  const users = strapi.service('admin::user');
  const superAdminRole = await roles.getSuperAdminWithUsersCount();
  if (!superAdminRole || superAdminRole.usersCount > 0) return;
  if (await users.findOneByEmail(email)) return;

  await users.create({
    email: email.toLowerCase(),
    firstname: env.ADMIN_FIRSTNAME ?? 'Site',
    lastname: env.ADMIN_LASTNAME ?? 'Administrator',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });
  strapi.log.info(`Created super admin ${email} from ADMIN_EMAIL`);
};
