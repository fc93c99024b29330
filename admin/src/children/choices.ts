import { genders } from './types';

/** Gender choices; the names are translation keys (Nam, Nữ). */
export const genderChoices = genders.map((id) => ({ id, name: `soquy.children.gender.${id}` }));
