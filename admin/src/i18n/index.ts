import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { vi } from './vi';

export const DEFAULT_LOCALE = 'vi';

/** The languages offered by the app bar's language menu; the choice is kept in the store. */
export const locales = [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : vi), DEFAULT_LOCALE, locales);
