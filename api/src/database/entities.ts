import { LoginThrottle } from '../modules/auth/login-throttle.entity';
import { AppMeta } from '../modules/system/app-meta.entity';
import { AdministrativeUnit } from '../modules/units/unit.entity';
import { User } from '../modules/users/user.entity';

/** Every entity, listed explicitly (no folder scanning at boot). */
export const entities = [AdministrativeUnit, User, LoginThrottle, AppMeta];
