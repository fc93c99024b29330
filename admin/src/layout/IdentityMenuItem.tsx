import MenuItem from '@mui/material/MenuItem';
import ListItemText from '@mui/material/ListItemText';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { SoQuyIdentity } from '../providers/authProvider';

/** The signed-in user's role and unit (the top of what they can see), at the top of the user menu. */
export const IdentityMenuItem = () => {
  const translate = useTranslate();
  const { data } = useGetIdentity();
  const identity = data as SoQuyIdentity | undefined;
  if (!identity) return null;
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemText
        primary={identity.email}
        secondary={translate('soquy.users.signed_in_as', {
          role: translate(`soquy.role.${identity.role}`),
          unit: identity.unitName,
        })}
      />
    </MenuItem>
  );
};
