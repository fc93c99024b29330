import type { TranslationMessages } from 'react-admin';
import { appVietnamese } from './app.vi';
import { reactAdminVietnamese } from './react-admin.vi';

/** Vietnamese, the console's default language: react-admin's messages and the app's own. */
export const vi: TranslationMessages = { ...reactAdminVietnamese, ...appVietnamese };
