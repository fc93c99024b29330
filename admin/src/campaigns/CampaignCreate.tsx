import { Create, SimpleForm } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

/** A new fund-raising drive of one fund, with its period and target. */
export const CampaignCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} noValidate>
      <CampaignInputs />
    </SimpleForm>
  </Create>
);
