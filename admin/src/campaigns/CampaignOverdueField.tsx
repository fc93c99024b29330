import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatMoney } from '../format';
import type { Campaign } from '../types';

/** Overdue pledges of a campaign: a warning chip with their count (and, with `withAmount`, what they still owe). */
export const CampaignOverdueField = ({ withAmount = false }: FieldProps<Campaign> & { withAmount?: boolean }) => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!campaign) return null;
  if (campaign.overduePledges === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {withAmount ? translate('soquy.campaigns.none_overdue') : '—'}
      </Typography>
    );
  }
  const label = withAmount
    ? translate('soquy.campaigns.overdue_summary', { count: campaign.overduePledges, amount: formatMoney(campaign.overdueAmount) })
    : translate('soquy.campaigns.overdue_count', { count: campaign.overduePledges });
  return <Chip size="small" color="warning" label={label} />;
};
