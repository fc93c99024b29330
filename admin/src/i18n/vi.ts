import type { TranslationMessages } from 'react-admin';
import { dashboardVietnamese } from '../dashboard/i18n.vi';
import { reorganisationVietnamese } from '../reorganisation/i18n.vi';
import { statementsVietnamese } from '../statements/i18n.vi';
import { donationImportVietnamese } from '../donations/i18n.vi';
import { appVietnamese } from './app.vi';
import { housingVietnamese } from './housing.vi';
import { childrenVietnamese } from './children.vi';
import { memorialVietnamese } from './memorial.vi';
import { supportVietnamese } from './support.vi';
import { publicPagesVietnamese } from '../campaigns/i18n.vi';
import { reactAdminVietnamese } from './react-admin.vi';

/** Vietnamese, the console's default language: react-admin's messages and the app's own (one file per area). */
export const vi: TranslationMessages = {
  ...reactAdminVietnamese,
  ...appVietnamese,
  resources: { ...appVietnamese.resources, ...housingVietnamese.resources, ...memorialVietnamese.resources, ...childrenVietnamese.resources, ...supportVietnamese.resources, ...reorganisationVietnamese.resources },
  soquy: { ...appVietnamese.soquy, ...housingVietnamese.soquy, ...memorialVietnamese.soquy, ...childrenVietnamese.soquy, ...supportVietnamese.soquy, ...dashboardVietnamese.soquy, ...publicPagesVietnamese.soquy, ...reorganisationVietnamese.soquy, ...statementsVietnamese.soquy, ...donationImportVietnamese.soquy },
};
