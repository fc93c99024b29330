import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, TextInput, required, useTranslate } from 'react-admin';
import { useDocumentLanguage } from './useDocumentLanguage';
import { useExpiredSessionNotice } from './useExpiredSessionNotice';

/** Sign-in with email and password; the server's refusal ("The email or the password is wrong"…) is notified as it is. */
export const LoginPage = () => {
  useDocumentLanguage();
  useExpiredSessionNotice();
  const translate = useTranslate();
  return (
    <Login avatarIcon={<AccountBalanceIcon />}>
      <Box sx={{ textAlign: 'center', px: 2, maxWidth: 332 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {translate('soquy.app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('soquy.app.tagline')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
