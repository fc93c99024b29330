import PaymentsIcon from '@mui/icons-material/Payments';
import type { ResourceProps } from 'react-admin';
import type { Disbursement } from '../types';
import { DisbursementCreate } from './DisbursementCreate';
import { DisbursementList } from './DisbursementList';
import { DisbursementShow } from './DisbursementShow';

/**
 * Resource `Disbursement` (phiếu chi): list, show, voucher and server-side exports with
 * DisbursementRead, create with DisbursementCreate; the workflow's steps as the server allows each
 * one (`permissions`). A disbursement is never edited nor deleted.
 */
export const disbursements: Omit<ResourceProps, 'name'> = {
  list: DisbursementList,
  show: DisbursementShow,
  create: DisbursementCreate,
  icon: PaymentsIcon,
  recordRepresentation: (d: Disbursement) => d.voucherNumber ?? d.payeeName,
};
