/** English messages of households, housing grants and the program reports; housing.vi.ts has the same keys. */
export const housingEnglish = {
  resources: {},
  soquy: {},
};

export type HousingMessages = typeof housingEnglish;
