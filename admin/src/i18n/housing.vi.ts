import type { HousingMessages } from './housing.en';

/** Vietnamese messages of households, housing grants and the program reports. */
export const housingVietnamese: HousingMessages = {
  resources: {},
  soquy: {},
};
