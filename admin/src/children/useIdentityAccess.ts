import { usePermissions } from 'react-admin';
import type { Permission } from '../types';

/**
 * Whether the user's role reads children's identities (ChildIdentityRead): full names, birth
 * dates, guardians, and the search by name. Without it the server masks them and refuses `q`.
 * Undefined while the permissions load.
 */
export function useMayReadChildIdentity(): boolean | undefined {
  const { permissions, isPending } = usePermissions<Permission[]>();
  if (isPending || !Array.isArray(permissions)) return undefined;
  return permissions.includes('ChildIdentityRead');
}
