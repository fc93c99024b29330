import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CreateButton, Datagrid, Pagination, ReferenceManyField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CampaignProgressField } from '../campaigns/CampaignProgressField';
import { LocalDateField, MoneyField } from '../fields';
import type { Fund } from '../types';

/** The fund's campaigns (đợt vận động), newest first, each opening its own page. */
export const FundCampaigns = () => {
  const fund = useRecordContext<Fund>();
  const translate = useTranslate();
  if (!fund) return null;
  return (
    <Box component="section" sx={{ px: 2, pb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, pt: 2 }}>
        <Typography variant="h6" component="h2">
          {translate('soquy.funds.campaigns')}
        </Typography>
        <CreateButton resource="Campaign" label="resources.Campaign.page.create" state={{ record: { fundId: fund.id } }} />
      </Box>
      <ReferenceManyField
        reference="Campaign"
        target="fundId"
        sort={{ field: 'startsOn', order: 'DESC' }}
        perPage={5}
        pagination={<Pagination rowsPerPageOptions={[5, 10, 25]} />}
      >
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          resource="Campaign"
          empty={
            <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
              {translate('soquy.funds.no_campaigns')}
            </Typography>
          }
        >
          <TextField source="name" />
          <LocalDateField source="startsOn" />
          <LocalDateField source="endsOn" />
          <CampaignProgressField source="progressPercent" sortable={false} />
          <MoneyField source="pledged" textAlign="right" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};
