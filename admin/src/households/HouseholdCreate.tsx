import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Create, SimpleForm, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { existingIdOf } from '../housing/errors';
import type { BeneficiaryHousehold } from '../housing/types';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { serverErrorCode, type ServerErrorBody } from '../providers/errors';
import { HouseholdInputs } from './HouseholdInputs';
import { toHouseholdArgs } from './validation';

const BY_NATIONAL_ID = 'query HouseholdByNationalId($f: BeneficiaryHouseholdFilter) { allBeneficiaryHouseholds(filter: $f, perPage: 1) { id } }';

/** A CONFLICT on the citizen ID: which household holds it, with a link to it (when it is in the user's scope). */
const DuplicateAlert = ({ existingId }: { existingId: string | null }) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2 }} data-testid="household-duplicate">
      {translate('soquy.households.duplicate_message')}{' '}
      {existingId && (
        <Link to={`/BeneficiaryHousehold/${existingId}/show`}>{translate('soquy.households.duplicate_link', { id: existingId })}</Link>
      )}
    </Alert>
  );
};

/**
 * Registers a household (hộ người có công). A citizen ID already registered is refused by the
 * server (CONFLICT naming the household): the form says so on the ID and links to that household.
 */
export const HouseholdCreate = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [duplicate, setDuplicate] = useState<{ id: string | null } | null>(null);

  const findExisting = async (error: unknown, nationalId: unknown): Promise<string | null> => {
    const named = existingIdOf(error, 'household');
    if (named) return named;
    try {
      const found = await dataProvider.request<{ allBeneficiaryHouseholds: { id: string }[] }>(BY_NATIONAL_ID, { f: { nationalId } });
      return found.allBeneficiaryHouseholds[0]?.id ?? null;
    } catch {
      return null;
    }
  };

  const save = async (values: FieldValues) => {
    setDuplicate(null);
    const args = toHouseholdArgs(values, true);
    try {
      const { data } = await dataProvider.create<BeneficiaryHousehold>('BeneficiaryHousehold', { data: args as Partial<BeneficiaryHousehold> });
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('show', 'BeneficiaryHousehold', data.id);
      return undefined;
    } catch (error) {
      if (serverErrorCode(error) === 'CONFLICT') {
        setDuplicate({ id: await findExisting(error, args.nationalId) });
        return { nationalId: 'soquy.households.duplicate_message' };
      }
      const errors = (error as { body?: ServerErrorBody }).body?.errors;
      if (errors) return errors;
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Create>
      <SimpleForm onSubmit={save} sx={{ maxWidth: 760 }} noValidate>
        {duplicate && <DuplicateAlert existingId={duplicate.id} />}
        <HouseholdInputs creating />
      </SimpleForm>
    </Create>
  );
};
