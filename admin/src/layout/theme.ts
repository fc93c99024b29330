import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme with the system font stack (no web fonts: the CSP allows none from elsewhere). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
};
