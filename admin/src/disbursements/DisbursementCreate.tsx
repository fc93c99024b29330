import { useEffect, useState } from 'react';
import {
  ArrayInput,
  Create,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useGetList,
  useGetOne,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { newIdempotencyKey } from '../donations/idempotency';
import { formatDate, formatMoney } from '../format';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { MoneyInput } from '../inputs/MoneyInput';
import type { Fund } from '../types';
import { disbursementCategoryChoices, projectTypeChoices } from './choices';
import { disbursementErrorHint } from './DisbursementErrorAlert';
import {
  validateAmount,
  validateOptionalText,
  validatePayeeName,
  validateProjectId,
  validatePurpose,
  validateTargetFund,
} from './validation';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const id = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/**
 * The `createDisbursement` arguments from the form: the target fund only for a transfer, a project
 * only with its type, the non-empty document references, and the form's idempotency key, the same
 * for every retry of this form.
 */
export function toCreateDisbursementArgs(values: Record<string, unknown>, idempotencyKey: string): Record<string, unknown> {
  const projectType = id(values.projectType);
  const documents = Array.isArray(values.documents)
    ? values.documents.map((item: unknown) => text(typeof item === 'string' ? item : (item as { ref?: unknown } | null)?.ref)).filter((item): item is string => item !== null)
    : [];
  return {
    fundId: id(values.fundId),
    category: values.category,
    targetFundId: values.category === 'TRANSFER' ? id(values.targetFundId) : null,
    amount: values.amount,
    payeeName: text(values.payeeName),
    payeeIdNumber: text(values.payeeIdNumber),
    payeeAddress: text(values.payeeAddress),
    payeeBankAccount: text(values.payeeBankAccount),
    purpose: text(values.purpose),
    projectType,
    projectId: projectType ? text(values.projectId) : null,
    documents,
    idempotencyKey,
  };
}

const DisbursementInputs = () => {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  const [fundId, category] = useWatch({ name: ['fundId', 'category'] }) as [string | null, string | null];
  const { data: fund } = useGetOne<Fund>('Fund', { id: fundId ?? '' }, { enabled: Boolean(fundId) });

  // A user with a single fund in scope (a commune's accountant) has it chosen for them.
  const { data: funds, total: fundCount } = useGetList<Fund>('Fund', { pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'ASC' } });
  useEffect(() => {
    if (fundCount === 1 && funds?.[0] && !getValues('fundId')) setValue('fundId', funds[0].id, { shouldDirty: true });
  }, [fundCount, funds, getValues, setValue]);

  const fundHelp = fund
    ? [
        translate('soquy.disbursements.fund_balance', { balance: formatMoney(fund.balance), free: formatMoney(fund.freeBalance) }),
        fund.lockedUntil ? translate('soquy.donations.locked_fund', { date: formatDate(fund.lockedUntil) }) : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : undefined;

  return (
    <>
      <FundReferenceInput source="fundId" validate={required()} helperText={fundHelp} />
      <SelectInput source="category" choices={disbursementCategoryChoices} validate={required()} sx={{ minWidth: 360 }} />
      {category === 'TRANSFER' && (
        <FundReferenceInput source="targetFundId" validate={validateTargetFund} helperText="soquy.disbursements.target_fund_help" />
      )}
      <MoneyInput source="amount" validate={validateAmount} sx={{ minWidth: 240 }} />
      <TextInput source="payeeName" validate={validatePayeeName} sx={{ minWidth: 360 }} />
      <TextInput source="payeeIdNumber" validate={validateOptionalText} sx={{ minWidth: 360 }} />
      <TextInput source="payeeAddress" validate={validateOptionalText} sx={{ minWidth: 360 }} />
      <TextInput source="payeeBankAccount" validate={validateOptionalText} helperText="soquy.disbursements.bank_account_help" sx={{ minWidth: 360 }} />
      <TextInput source="purpose" validate={validatePurpose} multiline minRows={2} sx={{ minWidth: 480 }} />
      <SelectInput source="projectType" choices={projectTypeChoices} emptyText="soquy.disbursements.no_project" sx={{ minWidth: 360 }} />
      <TextInput source="projectId" validate={validateProjectId} helperText="soquy.disbursements.project_help" sx={{ minWidth: 240 }} />
      <ArrayInput source="documents" helperText="soquy.disbursements.documents_help">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="ref" label="soquy.disbursements.document" helperText={false} validate={validateOptionalText} sx={{ minWidth: 360 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};

/**
 * A new disbursement (phiếu chi), saved as a draft. The form holds one idempotency key from the
 * moment it opens: a double click, or a retry after a lost answer, sends the same key, and the API
 * drafts it once. After saving, the disbursement is shown, where it can be submitted for approval.
 */
export const DisbursementCreate = () => {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const notify = useNotify();
  const translate = useTranslate();
  // A refusal is notified with what it means here (the rule of a project's payments…), then the server's words.
  const onError = (error: unknown) => {
    const hint = disbursementErrorHint(error);
    const message = error instanceof Error ? error.message : String(error);
    notify(hint ? `${translate(hint)} ${message}` : message, { type: 'error' });
  };
  return (
    <Create
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{ onError }}
      transform={(values: Record<string, unknown>) => toCreateDisbursementArgs(values, idempotencyKey)}
    >
      <SimpleForm sx={{ maxWidth: 760 }} noValidate>
        <DisbursementInputs />
      </SimpleForm>
    </Create>
  );
};
