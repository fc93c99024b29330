import { Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { DonorInputs } from './DonorInputs';

const DonorEditActions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

/** Donors are kept for their receipts, never deleted: the toolbar only saves. */
const DonorEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** A donor's kind, name, codes and contact; the API refuses a tax code or ID number that belongs to another donor. */
export const DonorEdit = () => (
  <Edit mutationMode="pessimistic" actions={<DonorEditActions />} redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} toolbar={<DonorEditToolbar />} noValidate>
      <DonorInputs />
    </SimpleForm>
  </Edit>
);
