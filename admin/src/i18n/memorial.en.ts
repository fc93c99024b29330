/** English messages of memorial works and policy rates; memorial.vi.ts has the same keys. */
export const memorialEnglish = {
  resources: {},
  soquy: {},
};

export type MemorialMessages = typeof memorialEnglish;
