import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { DonationStatus } from '../types';

/** "Đã ghi sổ" in plain text; a voided receipt stands out with a red "Đã huỷ" chip. */
export const DonationStatusField = ({ source = 'status', record }: FieldProps) => {
  const translate = useTranslate();
  const status = useFieldValue({ source, record }) as DonationStatus | undefined;
  if (!status) return null;
  const label = translate(`soquy.donationStatus.${status}`, { _: status });
  if (status === 'VOIDED') return <Chip size="small" color="error" label={label} />;
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {label}
    </Typography>
  );
};
