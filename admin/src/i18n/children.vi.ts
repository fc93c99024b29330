import type { ChildrenMessages } from './children.en';

/** Vietnamese messages of the children pages. */
export const childrenVietnamese: ChildrenMessages = {
  resources: {},
  soquy: {},
};
