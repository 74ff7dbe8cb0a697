import type { Core } from '@strapi/strapi';

// Staff participation (src/participation): accounts, contributions (投稿) and their points (积分).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // users-permissions needs an e-mail: staff without one get <employee number>@<this domain>, which never receives mail.
  reservedEmailDomain: env('STAFF_RESERVED_EMAIL_DOMAIN', 'staff.invalid'),
  // Where the staff page lives; invitation links point at it.
  pageUrl: env('PARTICIPATE_URL', '/participate/'),
  contribution: {
    maxImages: 9,
    maxImageMb: env.int('CONTRIBUTION_MAX_IMAGE_MB', 10),
  },
  // Points per event, and at most how many a person earns from that event in a month (Asia/Shanghai).
  points: {
    submitted: {
      points: env.int('POINTS_SUBMITTED', 2),
      monthlyCap: env.int('POINTS_SUBMITTED_MONTHLY_CAP', 20),
    },
    adopted: {
      points: env.int('POINTS_ADOPTED', 4),
      monthlyCap: env.int('POINTS_ADOPTED_MONTHLY_CAP', 40),
    },
    published: {
      points: env.int('POINTS_PUBLISHED', 2),
      monthlyCap: env.int('POINTS_PUBLISHED_MONTHLY_CAP', 20),
    },
    screen: {
      points: env.int('POINTS_SCREEN', 1),
      monthlyCap: env.int('POINTS_SCREEN_MONTHLY_CAP', 10),
    },
    wechat: {
      points: env.int('POINTS_WECHAT', 3),
      monthlyCap: env.int('POINTS_WECHAT_MONTHLY_CAP', 30),
    },
  },
  opinions: {
    // Days an opinion may wait for its first answer before it is overdue and goes to the parent organization.
    overdueDays: env.int('OPINION_OVERDUE_DAYS', 7),
  },
  // Whether staff see the rankings on their page; opt-in (the admin always sees them).
  rankingsForStaff: env.bool('PARTICIPATION_RANKINGS_FOR_STAFF', false),
  // Whether the display screens show the rankings (organizations, and people only under a name they consented to); opt-in.
  rankingsOnScreens: env.bool('PARTICIPATION_RANKINGS_ON_SCREENS', false),
  // The period the screens rank: month, quarter or year (Asia/Shanghai).
  screenRankingPeriod: env('PARTICIPATION_SCREEN_RANKING_PERIOD', 'quarter'),
});
