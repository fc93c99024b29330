import { Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { ChildInputs } from './ChildInputs';
import { toChildArgs } from './validation';

const ChildEditActions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

/** Children keep their gifts and support, never deleted: the toolbar only saves. */
const ChildEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Every field of a child's profile (updateChild). */
export const ChildEdit = () => (
  <Edit mutationMode="pessimistic" actions={<ChildEditActions />} redirect="show" transform={(values: Record<string, unknown>) => toChildArgs(values)}>
    <SimpleForm sx={{ maxWidth: 760 }} toolbar={<ChildEditToolbar />} noValidate>
      <ChildInputs />
    </SimpleForm>
  </Edit>
);
