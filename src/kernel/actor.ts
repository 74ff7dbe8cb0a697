/**
 * Who did what the audit trail records: an admin user, the scheduler, the system (seed), an API token,
 * or a staff member taking part (their staff member id, null when anonymous; the audit trail keeps
 * it out of `actorId`, which names admin users).
 */
export type Actor =
  | { type: 'user'; id: number; name: string; roles: string[]; isSuperAdmin: boolean }
  | { type: 'scheduler'; name: 'scheduler' }
  | { type: 'system'; name: string }
  | { type: 'api'; name: string }
  | { type: 'staff'; staffMemberId: number | null; name: string };

export type UserActor = Extract<Actor, { type: 'user' }>;
