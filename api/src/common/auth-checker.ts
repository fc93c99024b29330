import type { AuthChecker } from 'type-graphql';
import { AppError, ErrorCode } from './errors';
import { signedIn, type RequestContext } from './context';
import { hasPermission, Permission } from './permissions';

/** type-graphql's hook for `@Authorized(Permission.X)`: the server decides, always. */
export const authChecker: AuthChecker<RequestContext, Permission> = ({ context }, permissions) => {
  if (permissions.length === 0) {
    throw new AppError(ErrorCode.FORBIDDEN, 'This operation declares no permission and is refused');
  }
  if (permissions.includes(Permission.Public)) return true;
  const { user } = signedIn(context);
  const missing = permissions.filter((p) => !hasPermission(user.role, p));
  if (missing.length > 0) {
    throw new AppError(ErrorCode.FORBIDDEN, `Your role (${user.role}) does not allow this: it needs ${missing.join(', ')}`, {
      permission: missing,
    });
  }
  return true;
};
