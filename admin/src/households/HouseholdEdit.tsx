import { Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { HouseholdInputs } from './HouseholdInputs';
import { toHouseholdArgs } from './validation';

const HouseholdEditActions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

/** Households keep their grants, never deleted: the toolbar only saves. */
const HouseholdEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Everything but the citizen ID, which identifies the person and is given once. */
export const HouseholdEdit = () => (
  <Edit mutationMode="pessimistic" actions={<HouseholdEditActions />} redirect="show" transform={(values: Record<string, unknown>) => toHouseholdArgs(values, false)}>
    <SimpleForm sx={{ maxWidth: 760 }} toolbar={<HouseholdEditToolbar />} noValidate>
      <HouseholdInputs creating={false} />
    </SimpleForm>
  </Edit>
);
