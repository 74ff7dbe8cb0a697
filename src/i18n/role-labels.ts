/**
 * The admin roles as people read them. Review chains and the role setup find roles by their
 * English name, which stays the key (src/access/admin-roles.ts); wherever a person reads a role
 * (refusals, the review chain in the panel) it is named in Chinese.
 */
export const ROLE_LABELS: Readonly<Record<string, string>> = {
  'Publicity Editor': '宣传编辑',
  Reviewer: '审核员',
  'Chief Reviewer': '终审审核员',
  Handler: '意见处理人',
  'Super Admin': '超级管理员',
  Editor: '编辑',
  Author: '作者',
};

/** A role's Chinese label, or its own name for a role made in the panel. */
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;
