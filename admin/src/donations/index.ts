import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import type { Donation } from '../types';
import { DonationCreate } from './DonationCreate';
import { DonationList } from './DonationList';
import { DonationShow } from './DonationShow';

/**
 * Resource `Donation` (phiếu thu): list, show and CSV export with DonationRead, create with
 * DonationCreate, void with DonationVoid. A posted receipt is never edited nor deleted.
 */
export const donations: Omit<ResourceProps, 'name'> = {
  list: DonationList,
  show: DonationShow,
  create: DonationCreate,
  icon: ReceiptLongIcon,
  recordRepresentation: (donation: Donation) => donation.receiptNumber,
};
