import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { appEnglish } from './app.en';

/** English: react-admin's own messages (ra-language-english) and the app's. */
export const en: TranslationMessages = { ...englishMessages, ...appEnglish };
