import type { MemorialMessages } from './memorial.en';

/** Vietnamese messages of memorial works and policy rates. */
export const memorialVietnamese: MemorialMessages = {
  resources: {},
  soquy: {},
};
