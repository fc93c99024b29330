import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import type { ResourceProps } from 'react-admin';
import { FundList } from './FundList';
import { FundShow } from './FundShow';

/** Resource `Fund`: read with FundRead; the books are closed from the show page (FundLock). Funds are seeded, not created here. */
export const funds: Omit<ResourceProps, 'name'> = {
  list: FundList,
  show: FundShow,
  icon: AccountBalanceWalletIcon,
  recordRepresentation: 'name',
};
