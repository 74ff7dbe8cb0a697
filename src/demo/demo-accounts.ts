import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

type DemoAccount = {
  email: string;
  firstname: string;
  lastname: string;
  role: string;
  passwordEnv: string;
};

/** One admin account per editorial role, so every view of the workflow can be tried. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'editor@example.com',
    firstname: '晓雯',
    lastname: '李',
    role: 'Publicity Editor',
    passwordEnv: 'DEMO_EDITOR_PASSWORD',
  },
  {
    email: 'reviewer1@example.com',
    firstname: '佳',
    lastname: '刘',
    role: 'Reviewer',
    passwordEnv: 'DEMO_REVIEWER1_PASSWORD',
  },
  {
    email: 'reviewer2@example.com',
    firstname: '海峰',
    lastname: '王',
    role: 'Reviewer',
    passwordEnv: 'DEMO_REVIEWER2_PASSWORD',
  },
  {
    email: 'chief@example.com',
    firstname: '建华',
    lastname: '张',
    role: 'Chief Reviewer',
    passwordEnv: 'DEMO_CHIEF_REVIEWER_PASSWORD',
  },
];

// Meets Strapi's admin password rule (8+ characters, upper case, lower case, digit).
const generatePassword = (): string => `Demo-${crypto.randomBytes(9).toString('base64url')}a1A`;

/**
 * Creates the demo accounts that do not exist yet. Passwords come from the environment; a
 * missing one is generated and printed once, at creation, and never stored in plain text.
 */
export const ensureDemoAccounts = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const generated: string[] = [];

  for (const account of DEMO_ACCOUNTS) {
    if (await users.findOneByEmail(account.email)) continue;
    const role = await roles.findOne({ name: account.role });
    if (!role)
      throw new Error(`Demo account ${account.email} needs the admin role "${account.role}"`);
    const fromEnv = env[account.passwordEnv];
    const password = fromEnv && fromEnv.length > 0 ? fromEnv : generatePassword();
    await users.create({
      email: account.email,
      firstname: account.firstname,
      lastname: account.lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    if (!fromEnv)
      generated.push(`  ${account.role.padEnd(16)} ${account.email.padEnd(24)} ${password}`);
  }

  if (generated.length > 0) {
    strapi.log.warn(
      [
        'Demo admin accounts created; these generated passwords are shown only now:',
        ...generated,
      ].join('\n'),
    );
  }
};
