import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { todayInVietnam } from '../format';
import { formatRateValue } from './format';
import type { PolicyRate } from './types';

/** The rate's value by its unit: an amount in đồng or a percentage. */
export const PolicyRateValueField = (_props: FieldProps<PolicyRate>) => {
  const rate = useRecordContext<PolicyRate>();
  const [locale] = useLocaleState();
  if (!rate) return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatRateValue(rate, locale)}
    </Typography>
  );
};

/** "Cần xác nhận" on a rate reported but not yet checked against the text in force. */
export const ToBeConfirmedField = (_props: FieldProps<PolicyRate>) => {
  const rate = useRecordContext<PolicyRate>();
  const translate = useTranslate();
  if (!rate?.toBeConfirmed) return null;
  return <Chip size="small" color="warning" variant="outlined" label={translate('soquy.policy.to_be_confirmed')} />;
};

/** Whether a rate is in force today (Vietnam's calendar). */
export function inForceToday(rate: Pick<PolicyRate, 'effectiveFrom' | 'effectiveTo'>, today = todayInVietnam()): boolean {
  return rate.effectiveFrom <= today && (rate.effectiveTo === null || rate.effectiveTo >= today);
}

/** "Đang hiệu lực" on the rate in force today. */
export const InForceField = (_props: FieldProps<PolicyRate>) => {
  const rate = useRecordContext<PolicyRate>();
  const translate = useTranslate();
  if (!rate || !inForceToday(rate)) return null;
  return <Chip size="small" color="success" label={translate('soquy.policy.in_force')} />;
};
