import { unitLevels } from '../types';

/** Level choices for inputs; the names are translation keys (Tỉnh / Huyện / Xã). */
export const unitLevelChoices = unitLevels.map((level) => ({ id: level, name: `soquy.unitLevel.${level}` }));
