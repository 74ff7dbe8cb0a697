// The participation API for staff (员工参与): signed in with a users-permissions account that belongs
// to an active staff member (the staff-member route middleware), but for anonymous opinions,
// reached by their receipt codes alone. Its data has no other route: contributions, opinions,
// the ledger and staff records never appear on the Content API or GraphQL.
const staffOnly = { middlewares: ['global::staff-member'] };
const byReceipt = { auth: false as const };

export default {
  routes: [
    { method: 'GET', path: '/participation/me', handler: 'staff.me', config: staffOnly },
    {
      method: 'GET',
      path: '/participation/contributions',
      handler: 'staff.myContributions',
      config: staffOnly,
    },
    {
      method: 'POST',
      path: '/participation/contributions',
      handler: 'staff.submit',
      config: staffOnly,
    },
    {
      method: 'PUT',
      path: '/participation/contributions/:documentId',
      handler: 'staff.edit',
      config: staffOnly,
    },
    {
      method: 'GET',
      path: '/participation/rankings',
      handler: 'staff.rankings',
      config: staffOnly,
    },
    {
      method: 'GET',
      path: '/participation/opinions',
      handler: 'staff.myOpinions',
      config: staffOnly,
    },
    {
      method: 'POST',
      path: '/participation/opinions',
      handler: 'staff.sendOpinion',
      config: staffOnly,
    },
    {
      method: 'POST',
      path: '/participation/opinions/:documentId/rating',
      handler: 'staff.rate',
      config: staffOnly,
    },
    // An anonymous opinion by its receipt code, in the body (never in a URL, which the access
    // log writes), with no sign-in: whoever holds the code, on any device, and no account with it.
    {
      method: 'POST',
      path: '/participation/receipts/opinion',
      handler: 'receipts.opinion',
      config: byReceipt,
    },
    {
      method: 'POST',
      path: '/participation/receipts/rating',
      handler: 'receipts.rate',
      config: byReceipt,
    },
  ],
};
