import { useCallback } from 'react';
import {
  ArrayInput,
  Create,
  DateInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
  useNotify,
  useRedirect,
} from 'react-admin';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { kindChoices, levelChoices, typeChoices } from './choices';

export const CREATE_EVENT = `mutation($name: String!, $legalBasis: String!, $effectiveOn: LocalDate!, $lines: [SuccessionLineInput!]!, $newUnits: [NewUnitInput!]) {
  createUnitSuccessionEvent(name: $name, legalBasis: $legalBasis, effectiveOn: $effectiveOn, lines: $lines, newUnits: $newUnits) { id }
}`;

interface LineValues {
  kind?: string;
  predecessorId?: string;
  successorId?: string | null;
  newUnitCode?: string | null;
}
interface NewUnitValues {
  code?: string;
  name?: string;
  nameWithType?: string;
  type?: string;
  level?: string;
  parentId?: string;
}
interface EventValues {
  name?: string;
  legalBasis?: string;
  effectiveOn?: string;
  lines?: LineValues[];
  newUnits?: NewUnitValues[];
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Records an event as a draft: name, legal basis, date, the units concerned and any new units. */
export const SuccessionEventCreate = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const save = useCallback(
    async (values: EventValues) => {
      try {
        const data = await dataProvider.request<{ createUnitSuccessionEvent: { id: string } }>(CREATE_EVENT, {
          name: values.name ?? '',
          legalBasis: values.legalBasis ?? '',
          effectiveOn: values.effectiveOn ?? '',
          lines: (values.lines ?? []).map((l) => ({ kind: l.kind, predecessorId: l.predecessorId, successorId: blank(l.successorId), newUnitCode: blank(l.newUnitCode) })),
          newUnits: (values.newUnits ?? []).map((u) => ({ ...u, code: blank(u.code) ?? '' })),
        });
        notify('soquy.reorganisation.created', { type: 'success' });
        redirect('show', 'UnitSuccessionEvent', data.createUnitSuccessionEvent.id);
        return undefined;
      } catch (error) {
        notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        return undefined;
      }
    },
    [dataProvider, notify, redirect],
  );
  return (
    <Create>
      <SimpleForm onSubmit={save} defaultValues={{ lines: [{ kind: 'ABSORBED' }], newUnits: [] }}>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="legalBasis" validate={required()} fullWidth />
        <DateInput source="effectiveOn" validate={required()} />
        <ArrayInput source="lines">
          <SimpleFormIterator inline>
            <SelectInput source="kind" label="resources.UnitSuccessionEvent.fields.kind" choices={kindChoices} validate={required()} />
            <UnitReferenceInput source="predecessorId" label="resources.UnitSuccessionEvent.fields.predecessorId" validate={required()} />
            <UnitReferenceInput source="successorId" label="resources.UnitSuccessionEvent.fields.successorId" />
            <TextInput source="newUnitCode" label="resources.UnitSuccessionEvent.fields.newUnitCode" />
          </SimpleFormIterator>
        </ArrayInput>
        <ArrayInput source="newUnits">
          <SimpleFormIterator inline>
            <TextInput source="code" label="resources.UnitSuccessionEvent.fields.code" validate={required()} />
            <TextInput source="name" validate={required()} />
            <TextInput source="nameWithType" label="resources.UnitSuccessionEvent.fields.nameWithType" validate={required()} />
            <SelectInput source="type" label="resources.UnitSuccessionEvent.fields.type" choices={typeChoices} validate={required()} />
            <SelectInput source="level" label="resources.UnitSuccessionEvent.fields.level" choices={levelChoices} validate={required()} />
            <UnitReferenceInput source="parentId" label="resources.UnitSuccessionEvent.fields.parentId" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
