import Box from '@mui/material/Box';
import { useRecordContext, useTranslate } from 'react-admin';
import { AmountFigure } from '../fields';
import type { Campaign } from '../types';
import { CampaignOverdueField } from './CampaignOverdueField';
import { CampaignProgressField } from './CampaignProgressField';

/** A campaign at a glance: target, pledged, received and overdue amounts, the progress bar and the overdue pledges. */
export const CampaignFigures = () => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!campaign) return null;
  return (
    <Box component="section" sx={{ px: 2, pb: 1 }}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
        <AmountFigure label={translate('resources.Campaign.fields.target')} amount={campaign.target} testId="campaign-target" />
        <AmountFigure label={translate('resources.Campaign.fields.pledged')} amount={campaign.pledged} testId="campaign-pledged" />
        <AmountFigure label={translate('resources.Campaign.fields.received')} amount={campaign.received} testId="campaign-received" strong />
        <AmountFigure label={translate('resources.Campaign.fields.overdueAmount')} amount={campaign.overdueAmount} testId="campaign-overdue" />
      </Box>
      <Box sx={{ pt: 2 }}>
        <CampaignProgressField source="progressPercent" />
      </Box>
      <Box sx={{ pt: 1 }}>
        <CampaignOverdueField source="overduePledges" withAmount />
      </Box>
    </Box>
  );
};
