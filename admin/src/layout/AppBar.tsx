import Typography from '@mui/material/Typography';
import { AppBar as RaAppBar, Logout, TitlePortal, UserMenu, useTranslate } from 'react-admin';
import { IdentityMenuItem } from './IdentityMenuItem';

/** The app name, then the page title; react-admin adds the language menu and the user menu. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={
        <UserMenu>
          <IdentityMenuItem />
          <Logout />
        </UserMenu>
      }
    >
      <Typography variant="h6" component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap', mr: 2 }}>
        {translate('soquy.app.title')}
      </Typography>
      <TitlePortal variant="body1" />
    </RaAppBar>
  );
};
