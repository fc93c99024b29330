import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';
import type { DonorCreated } from '../types';
import { ANONYMOUS_NAME } from './choices';
import { DonorInputs } from './DonorInputs';

/** An anonymous donor needs no details; the API still wants a name, and records its own. */
const withAnonymousName = (data: Record<string, unknown>) =>
  data.type === 'ANONYMOUS' ? { type: 'ANONYMOUS', name: ANONYMOUS_NAME } : data;

/**
 * A new donor. When the tax code or ID number is already known, the API links the existing donor
 * rather than creating a duplicate: that is said in a warning, and the existing donor is shown.
 */
export const DonorCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (donor: DonorCreated) => {
    if (donor.warning) {
      notify('soquy.donors.linked_existing', { type: 'warning', messageArgs: { name: donor.name }, autoHideDuration: 10_000 });
    } else {
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
    }
    redirect('show', 'Donor', donor.id);
  };
  return (
    <Create mutationMode="pessimistic" transform={withAnonymousName} mutationOptions={{ onSuccess }}>
      <SimpleForm sx={{ maxWidth: 720 }} defaultValues={{ type: 'INDIVIDUAL' }} noValidate>
        <DonorInputs />
      </SimpleForm>
    </Create>
  );
};
