import { useEffect, useMemo, useRef, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useGetList,
  useGetOne,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { DonorReferenceInput } from '../donors/DonorReferenceInput';
import { formatDate, formatMoney, todayInVietnam } from '../format';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { afterLock } from '../inputs/dates';
import { MoneyInput } from '../inputs/MoneyInput';
import type { Fund, Pledge } from '../types';
import { donationMethodChoices, programCategoryChoices } from './choices';
import { newIdempotencyKey } from './idempotency';
import {
  validateAmount,
  validateDonorName,
  validateInKindDescription,
  validateNote,
  validateReceivedOnBase,
} from './validation';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const id = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/**
 * The `createDonation` arguments from the form: a recorded donor or a walk-in name, never both; the
 * description of goods only for an in-kind gift; a pledge only with its donor and campaign; and the
 * form's idempotency key, the same for every retry of this form.
 */
export function toCreateDonationArgs(values: Record<string, unknown>, idempotencyKey: string): Record<string, unknown> {
  const donorId = id(values.donorId);
  const campaignId = id(values.campaignId);
  return {
    fundId: id(values.fundId),
    donorId,
    donorName: donorId ? null : text(values.donorName),
    amount: values.amount,
    receivedOn: values.receivedOn,
    method: values.method,
    inKindDescription: values.method === 'IN_KIND' ? text(values.inKindDescription) : null,
    earmark: id(values.earmark),
    campaignId,
    pledgeId: donorId && campaignId ? id(values.pledgeId) : null,
    note: text(values.note),
    publicAnonymous: values.publicAnonymous === true,
    idempotencyKey,
  };
}

/**
 * When the user changes `watched` from one value to another, clears the inputs that depended on
 * it. Not when it is first set (a form opened from a campaign's page comes with its fund and
 * campaign), and not when only its type changes (an id as a number or as a string).
 */
function useClearOnChange(watched: unknown, dependents: readonly string[]): void {
  const { setValue } = useFormContext();
  const current = watched === null || watched === undefined ? '' : String(watched);
  const previous = useRef(current);
  useEffect(() => {
    const before = previous.current;
    previous.current = current;
    if (before === '' || before === current) return;
    for (const name of dependents) setValue(name, null);
  }, [current, dependents, setValue]);
}

const afterFund = ['campaignId', 'pledgeId'] as const;
const afterDonorOrCampaign = ['pledgeId'] as const;

const DonationInputs = () => {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  const [fundId, donorId, campaignId, method] = useWatch({ name: ['fundId', 'donorId', 'campaignId', 'method'] }) as [
    string | null,
    string | null,
    string | null,
    string | null,
  ];
  const { data: fund } = useGetOne<Fund>('Fund', { id: fundId ?? '' }, { enabled: Boolean(fundId) });

  // A user with a single fund in scope (a commune's accountant) has it chosen for them.
  const { data: funds, total: fundCount } = useGetList<Fund>('Fund', { pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'ASC' } });
  useEffect(() => {
    if (fundCount === 1 && funds?.[0] && !getValues('fundId')) setValue('fundId', funds[0].id, { shouldDirty: true });
  }, [fundCount, funds, getValues, setValue]);

  useClearOnChange(fundId, afterFund);
  useClearOnChange(donorId && campaignId ? `${donorId}|${campaignId}` : null, afterDonorOrCampaign);

  // The validator is built once (react-hook-form keeps the first rules), and reads the chosen fund's lock through a ref.
  const lockedUntil = useRef<string | null>(null);
  lockedUntil.current = fund?.lockedUntil ?? null;
  const validateReceivedOn = useMemo<Validator[]>(() => [...validateReceivedOnBase, (value, values, props) => afterLock(lockedUntil.current)(value, values, props)], []);

  const pledgeOption = (pledge: Pledge) =>
    translate('soquy.donations.pledge_option', { due: formatDate(pledge.dueOn), amount: formatMoney(pledge.amount), paid: formatMoney(pledge.paid) });

  return (
    <>
      <FundReferenceInput
        source="fundId"
        validate={required()}
        helperText={fund?.lockedUntil ? translate('soquy.donations.locked_fund', { date: formatDate(fund.lockedUntil) }) : undefined}
      />
      <DateInput source="receivedOn" validate={validateReceivedOn} />
      <DonorReferenceInput source="donorId" helperText="soquy.donations.donor_help" />
      {!donorId && <TextInput source="donorName" validate={validateDonorName} helperText="soquy.donations.walk_in_help" sx={{ minWidth: 360 }} />}
      <RadioButtonGroupInput source="method" choices={donationMethodChoices} validate={required()} />
      <MoneyInput source="amount" validate={validateAmount} helperText={method === 'IN_KIND' ? 'soquy.donations.in_kind_value_help' : undefined} sx={{ minWidth: 240 }} />
      {method === 'IN_KIND' && <TextInput source="inKindDescription" validate={validateInKindDescription} multiline sx={{ minWidth: 360 }} />}
      <SelectInput source="earmark" choices={programCategoryChoices} emptyText="soquy.donations.no_earmark" helperText="soquy.donations.earmark_help" />
      {fundId && (
        <ReferenceInput source="campaignId" reference="Campaign" filter={{ fundId }} sort={{ field: 'startsOn', order: 'DESC' }}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 360 }} />
        </ReferenceInput>
      )}
      {donorId && campaignId && (
        <ReferenceInput source="pledgeId" reference="Pledge" filter={{ campaignId, donorId }} sort={{ field: 'dueOn', order: 'ASC' }}>
          <SelectInput optionText={pledgeOption} emptyText="soquy.donations.no_pledge" sx={{ minWidth: 360 }} />
        </ReferenceInput>
      )}
      <TextInput source="note" validate={validateNote} multiline sx={{ minWidth: 360 }} />
      <BooleanInput source="publicAnonymous" label="soquy.publicPages.donation_anonymous" helperText="soquy.publicPages.donation_anonymous_help" />
    </>
  );
};

/**
 * A new receipt (phiếu thu). The form holds one idempotency key from the moment it opens: a double
 * click, or a retry after a lost answer, sends the same key, and the API posts the donation once.
 * After saving, the receipt is shown, ready to print.
 */
export const DonationCreate = () => {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const defaultValues = useMemo(() => ({ receivedOn: todayInVietnam(), method: 'CASH' }), []);
  return (
    <Create mutationMode="pessimistic" redirect="show" transform={(values: Record<string, unknown>) => toCreateDonationArgs(values, idempotencyKey)}>
      <SimpleForm sx={{ maxWidth: 720 }} defaultValues={defaultValues} noValidate>
        <DonationInputs />
      </SimpleForm>
    </Create>
  );
};
