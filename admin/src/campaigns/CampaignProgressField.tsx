import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatMoney } from '../format';
import type { Campaign } from '../types';

/** Received against target as a bar and "1.500.000 ₫ / 2.000.000 ₫ (75%)"; the bar stops at 100%, the figure does not. */
export const CampaignProgressField = (_props: FieldProps<Campaign>) => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!campaign) return null;
  const percent = campaign.progressPercent;
  const label = translate('soquy.campaigns.progress', { percent });
  return (
    <Box sx={{ minWidth: 200 }}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, percent))}
        color={percent >= 100 ? 'success' : 'primary'}
        aria-label={label}
        sx={{ height: 8, borderRadius: 4 }}
      />
      <Typography variant="caption" component="div" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(campaign.received)} / {formatMoney(campaign.target)} ({percent}%)
      </Typography>
    </Box>
  );
};
