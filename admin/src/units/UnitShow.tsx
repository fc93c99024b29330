import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../fields';
import { UnitBreadcrumb } from './UnitBreadcrumb';
import { UnitChildren } from './UnitChildren';
import { UnitLevelField } from './UnitLevelField';
import { UnitSuccessionField } from './UnitSuccessionField';
import { UnitTypeField } from './UnitTypeField';

/** One unit in its tree: the units above it, its own fields, and the units directly below it. */
export const UnitShow = () => (
  <Show>
    <UnitBreadcrumb />
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="nameWithType" />
      <TextField source="name" />
      <UnitLevelField source="level" />
      <UnitTypeField source="type" />
      <ReferenceField source="parentId" reference="AdministrativeUnit" link="show" emptyText="—" />
      <LocalDateField source="validFrom" emptyText="—" />
      <LocalDateField source="validTo" emptyText="—" />
      <UnitSuccessionField label="resources.AdministrativeUnit.fields.successorId" />
    </SimpleShowLayout>
    <UnitChildren />
  </Show>
);
