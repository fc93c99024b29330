import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { dashboardEnglish } from '../dashboard/i18n.en';
import { reorganisationEnglish } from '../reorganisation/i18n.en';
import { statementsEnglish } from '../statements/i18n.en';
import { donationImportEnglish } from '../donations/i18n.en';
import { appEnglish } from './app.en';
import { housingEnglish } from './housing.en';
import { childrenEnglish } from './children.en';
import { memorialEnglish } from './memorial.en';
import { supportEnglish } from './support.en';
import { publicPagesEnglish } from '../campaigns/i18n.en';

/** English: react-admin's own messages (ra-language-english) and the app's (one file per area). */
export const en: TranslationMessages = {
  ...englishMessages,
  ...appEnglish,
  resources: { ...appEnglish.resources, ...housingEnglish.resources, ...memorialEnglish.resources, ...childrenEnglish.resources, ...supportEnglish.resources, ...reorganisationEnglish.resources },
  soquy: { ...appEnglish.soquy, ...housingEnglish.soquy, ...memorialEnglish.soquy, ...childrenEnglish.soquy, ...supportEnglish.soquy, ...dashboardEnglish.soquy, ...publicPagesEnglish.soquy, ...reorganisationEnglish.soquy, ...statementsEnglish.soquy, ...donationImportEnglish.soquy },
};
