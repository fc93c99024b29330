import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Pledge } from '../types';

/** "Quá hạn" on a pledge past its due date and not fully paid; nothing otherwise. */
export const PledgeOverdueField = (_props: FieldProps<Pledge>) => {
  const pledge = useRecordContext<Pledge>();
  const translate = useTranslate();
  if (!pledge?.overdue) return null;
  return <Chip size="small" color="warning" label={translate('soquy.campaigns.overdue')} />;
};
