// The participation API for staff (员工参与): signed in with a users-permissions account that belongs
// to an active staff member (the staff-member route middleware). Its data has no other route:
// contributions, the ledger and staff records never appear on the Content API or GraphQL.
const staffOnly = { middlewares: ['global::staff-member'] };

export default {
  routes: [
    { method: 'GET', path: '/participation/me', handler: 'staff.me', config: staffOnly },
    { method: 'GET', path: '/participation/contributions', handler: 'staff.myContributions', config: staffOnly },
    { method: 'POST', path: '/participation/contributions', handler: 'staff.submit', config: staffOnly },
    { method: 'PUT', path: '/participation/contributions/:documentId', handler: 'staff.edit', config: staffOnly },
    { method: 'GET', path: '/participation/rankings', handler: 'staff.rankings', config: staffOnly },
    { method: 'GET', path: '/participation/opinions', handler: 'staff.myOpinions', config: staffOnly },
    { method: 'POST', path: '/participation/opinions', handler: 'staff.sendOpinion', config: staffOnly },
    { method: 'POST', path: '/participation/opinions/:documentId/rating', handler: 'staff.rate', config: staffOnly },
  ],
};
