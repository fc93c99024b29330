import type { SupportMessages } from './support.en';

/** Vietnamese messages of the support pages. */
export const supportVietnamese: SupportMessages = {
  resources: {},
  soquy: {},
};
