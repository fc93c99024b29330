import Alert from '@mui/material/Alert';
import { useListContext, useTranslate } from 'react-admin';
import type { Child } from './types';
import { useMayReadChildIdentity } from './useIdentityAccess';

/**
 * A small notice above a list of children whose personal fields the server masks for the user's
 * role (the records say `masked`): initials, the birth year, no guardian's phone, no search by name.
 */
export const MaskedNotice = () => {
  const translate = useTranslate();
  const { data } = useListContext<Child>();
  const mayRead = useMayReadChildIdentity();
  const masked = mayRead === false || Boolean(data?.some((child) => child.masked));
  if (!masked) return null;
  return (
    <Alert severity="info" sx={{ mx: 2, my: 1 }} data-testid="children-masked">
      {translate('soquy.children.masked_notice')}
    </Alert>
  );
};
