import {
  AutocompleteArrayInput,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NumberInput,
  ReferenceArrayInput,
  ReferenceField,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { EnumChipField } from '../fields';
import { genderChoices } from './choices';
import { BirthDateField, CircumstanceField } from './fields';
import { MaskedNotice } from './MaskedNotice';
import { useCircumstanceChoices } from './useCircumstances';
import { useMayReadChildIdentity } from './useIdentityAccess';

const ChildListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'Child', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton label="soquy.children.create" />}
    </TopToolbar>
  );
};

/**
 * Children in special circumstances in the user's scope, newest first. A role without
 * ChildIdentityRead sees them masked ("N. V. A.", the birth year) and may not search by name: the
 * search box is not offered to it.
 */
export const ChildList = () => {
  const circumstanceChoices = useCircumstanceChoices();
  const mayRead = useMayReadChildIdentity();
  const filters = [
    ...(mayRead ? [<SearchInput key="q" source="q" alwaysOn />] : []),
    <ReferenceArrayInput key="unitIds" source="unitIds" reference="AdministrativeUnit" sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteArrayInput optionText="nameWithType" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 320 }} />
    </ReferenceArrayInput>,
    <SelectArrayInput key="circumstances" source="circumstances" choices={circumstanceChoices} translateChoice={false} sx={{ minWidth: 320 }} />,
    <SelectInput key="gender" source="gender" choices={genderChoices} sx={{ minWidth: 140 }} />,
    <NumberInput key="maxAge" source="maxAge" min={0} max={15} step={1} sx={{ width: 160 }} />,
  ];
  if (mayRead === undefined) return null;
  return (
    <List sort={{ field: 'id', order: 'DESC' }} perPage={25} filters={filters} actions={<ChildListActions />} exporter={false}>
      <MaskedNotice />
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="children-list">
        <TextField source="fullName" sortable={false} />
        <BirthDateField source="birthDate" />
        <EnumChipField source="gender" prefix="soquy.children.gender" />
        <CircumstanceField source="circumstanceCode" />
        <ReferenceField source="unitId" reference="AdministrativeUnit" link={false} />
        <TextField source="guardianName" sortable={false} />
      </Datagrid>
    </List>
  );
};
