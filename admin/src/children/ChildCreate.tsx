import { Create, SimpleForm, useDataProvider, useNotify, useRedirect } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { ServerErrorBody } from '../providers/errors';
import { ChildInputs } from './ChildInputs';
import { toChildArgs } from './validation';

const CREATE_CHILD = `mutation CreateChild($fullName: String!, $birthDate: LocalDate!, $gender: Gender!, $unitId: ID!, $circumstanceCode: ID!,
  $guardianName: String!, $guardianPhone: String, $address: String!, $note: String) {
  createChild(fullName: $fullName, birthDate: $birthDate, gender: $gender, unitId: $unitId, circumstanceCode: $circumstanceCode,
    guardianName: $guardianName, guardianPhone: $guardianPhone, address: $address, note: $note) { id }
}`;

/** Registers a child in special circumstances (createChild); a refusal goes on the inputs it names. */
export const ChildCreate = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();

  const save = async (values: FieldValues) => {
    try {
      const { createChild } = await dataProvider.request<{ createChild: { id: string } }>(CREATE_CHILD, toChildArgs(values));
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('show', 'Child', createChild.id);
      return undefined;
    } catch (error) {
      const errors = (error as { body?: ServerErrorBody }).body?.errors;
      if (errors) return errors;
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Create title="soquy.children.create">
      <SimpleForm onSubmit={save} sx={{ maxWidth: 760 }} noValidate>
        <ChildInputs />
      </SimpleForm>
    </Create>
  );
};
