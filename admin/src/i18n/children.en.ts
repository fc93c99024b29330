/** English messages of the children pages; children.vi.ts has the same keys. */
export const childrenEnglish = {
  resources: {},
  soquy: {},
};

export type ChildrenMessages = typeof childrenEnglish;
