/** English messages of the support pages; support.vi.ts has the same keys. */
export const supportEnglish = {
  resources: {},
  soquy: {},
};

export type SupportMessages = typeof supportEnglish;
