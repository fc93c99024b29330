import { roles } from '../types';

/** Role choices for inputs and fields; the names are translation keys (Quản trị hệ thống, Kế toán quỹ…). */
export const roleChoices = roles.map((role) => ({ id: role, name: `soquy.role.${role}` }));
