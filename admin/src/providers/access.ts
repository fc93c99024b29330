import type { Permission } from '../types';

/**
 * Which permission each console action needs, mirroring the server's `@Authorized(...)` on the
 * query or mutation behind it. The server decides; this only hides what would be refused.
 */
const rules: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  AdministrativeUnit: { list: 'UnitRead', show: 'UnitRead' },
  User: {
    list: 'UserRead',
    show: 'UserRead',
    create: 'UserCreate',
    edit: 'UserUpdate',
    resetPassword: 'UserResetPassword',
  },
};

/** True when the permissions allow the action; unknown resources and actions (delete, export…) are refused. */
export function allows(permissions: readonly Permission[], resource: string, action: string): boolean {
  const needed = rules[resource]?.[action];
  return needed !== undefined && permissions.includes(needed);
}
