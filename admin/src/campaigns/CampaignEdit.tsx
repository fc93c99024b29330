import { Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

const CampaignEditActions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

/** Campaigns keep their donations and pledges, never deleted: the toolbar only saves. */
const CampaignEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Name, period and target; the fund of a campaign does not change. */
export const CampaignEdit = () => (
  <Edit mutationMode="pessimistic" actions={<CampaignEditActions />} redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} toolbar={<CampaignEditToolbar />} noValidate>
      <CampaignInputs fundReadOnly />
    </SimpleForm>
  </Edit>
);
