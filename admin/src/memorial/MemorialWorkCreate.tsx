import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useDataProvider,
  useGetList,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatMoney } from '../format';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { MoneyInput } from '../inputs/MoneyInput';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { serverErrorCode } from '../providers/errors';
import type { AdministrativeUnit } from '../types';
import type { PolicyRate } from '../policy/types';
import { fundingSourceChoices, memorialKindChoices, memorialScopeChoices } from './choices';
import { MemorialCapsBox } from './MemorialCapsBox';
import { MemorialRefusalAlert } from './MemorialRefusalAlert';
import { CREATE_MEMORIAL_WORK } from './queries';
import { serverFields } from './refusal';
import { supportSources, type FundingSource } from './types';
import { capsParams, useMemorialCaps } from './useMemorialCaps';
import {
  lineAmount,
  projectDocumentRule,
  validateApprovedCost,
  validateFundingLines,
  validateGraveCount,
  validateLineAmount,
  validateLineFund,
  validateName,
  validateOptionalText,
  validatePlannedEnd,
} from './validation';

/** The threshold when no rate can be read: 500 million đồng (Circular 101/2018). */
const DEFAULT_DOCUMENT_THRESHOLD = 500_000_000;

interface LineValues {
  source?: FundingSource | null;
  fundId?: string | null;
  note?: string | null;
  amount?: number | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const date = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The `createMemorialWork` arguments from the form: graves only for GRAVE, a fund only on a FUND line, blanks as nulls. */
export function toCreateMemorialWorkArgs(values: Record<string, unknown>): Record<string, unknown> {
  const lines = Array.isArray(values.fundingLines) ? (values.fundingLines as LineValues[]) : [];
  return {
    name: text(values.name),
    kind: values.kind,
    scope: values.scope,
    unitId: values.unitId === null || values.unitId === undefined ? null : String(values.unitId),
    location: text(values.location),
    graveCount: values.kind === 'GRAVE' && typeof values.graveCount === 'number' ? values.graveCount : null,
    approvedCost: values.approvedCost,
    projectDocumentNumber: text(values.projectDocumentNumber),
    contractor: text(values.contractor),
    startOn: date(values.startOn),
    plannedEndOn: date(values.plannedEndOn),
    fundingLines: lines.map((line) => ({
      source: line.source,
      fundId: line.source === 'FUND' && line.fundId ? String(line.fundId) : null,
      note: text(line.note),
      amount: line.amount,
    })),
  };
}

/** A value that settles: the last one given, once it has not changed for `delay` ms (typing an amount). */
function useSettled<T>(value: T, delay = 350): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return settled;
}

/** The threshold cost from which a project document is required: the rate MEMORIAL_PROJECT_DOCUMENT in force today. */
function useDocumentThreshold(): number {
  const { data } = useGetList<PolicyRate>('PolicyRate', {
    filter: { code: 'MEMORIAL_PROJECT_DOCUMENT', current: true },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'effectiveFrom', order: 'DESC' },
  });
  return data?.[0]?.amount ?? DEFAULT_DOCUMENT_THRESHOLD;
}

/** The sum of the funding lines against the approved cost, and the support they make. */
const LinesSum = ({ cost, sum, support }: { cost: number | null; sum: number; support: number }) => {
  const translate = useTranslate();
  const difference = cost === null ? 0 : cost - sum;
  const status =
    cost === null
      ? null
      : difference === 0
        ? translate('soquy.memorial.lines_sum_ok')
        : difference > 0
          ? translate('soquy.memorial.lines_sum_missing', { amount: formatMoney(difference) })
          : translate('soquy.memorial.lines_sum_over', { amount: formatMoney(-difference) });
  return (
    <Box sx={{ mb: 1 }} data-testid="memorial-lines-sum">
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} color={cost !== null && difference !== 0 ? 'error' : 'text.primary'}>
        {translate('soquy.memorial.lines_sum', { sum: formatMoney(sum), cost: cost === null ? '—' : formatMoney(cost) })}
        {status ? ` — ${status}` : ''}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {translate('soquy.memorial.support_sum', { amount: formatMoney(support) })}
      </Typography>
    </Box>
  );
};

/** The inputs of a new work, with the running sum of its funding lines and the live caps. */
const MemorialWorkInputs = ({ failure }: { failure: unknown }) => {
  const translate = useTranslate();
  const threshold = useDocumentThreshold();
  const [unitId, kind, scope, approvedCost, graveCount, fundingLines] = useWatch({
    name: ['unitId', 'kind', 'scope', 'approvedCost', 'graveCount', 'fundingLines'],
  }) as [string | null, string | null, string | null, number | null, number | null, LineValues[] | undefined];
  const { data: unit } = useGetOne<AdministrativeUnit>('AdministrativeUnit', { id: unitId ?? '' }, { enabled: Boolean(unitId) });

  const lines = fundingLines ?? [];
  const sum = lines.reduce((total, line) => total + lineAmount(line), 0);
  const support = lines.filter((line) => line.source && supportSources.includes(line.source)).reduce((total, line) => total + lineAmount(line), 0);

  const params = useSettled(capsParams({ unitId, kind, scope, approvedCost, graveCount }));
  const caps = useMemorialCaps(params);
  const documentValidators = useMemo(() => [projectDocumentRule(threshold), ...validateOptionalText(100)], [threshold]);
  const plan = params ? { approvedCost: params.approvedCost, graveCount: params.graveCount, level: unit?.level ?? null, kind: params.kind } : null;
  const unitHelp = unit
    ? translate('soquy.memorial.unit_level', { level: translate(`soquy.unitLevel.${unit.level}`).toLowerCase() })
    : translate('soquy.memorial.unit_help');

  return (
    <>
      <TextInput source="name" validate={validateName} sx={{ minWidth: 480 }} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="kind" choices={memorialKindChoices} validate={required()} fullWidth={false} sx={{ minWidth: 240 }} />
        <SelectInput source="scope" choices={memorialScopeChoices} validate={required()} fullWidth={false} sx={{ minWidth: 200 }} />
        {kind === 'GRAVE' && (
          <NumberInput source="graveCount" validate={validateGraveCount} min={1} step={1} helperText="soquy.memorial.grave_count_help" fullWidth={false} sx={{ width: 180 }} />
        )}
      </Box>
      <ReferenceInput source="unitId" reference="AdministrativeUnit" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="nameWithType" filterToQuery={(q: string) => ({ q })} validate={required()} helperText={unitHelp} sx={{ minWidth: 360 }} />
      </ReferenceInput>
      <TextInput source="location" validate={validateOptionalText(300)} sx={{ minWidth: 480 }} />
      <MoneyInput source="approvedCost" validate={validateApprovedCost} helperText="soquy.memorial.approved_cost_help" sx={{ minWidth: 280 }} />
      <TextInput
        source="projectDocumentNumber"
        validate={documentValidators}
        helperText={translate('soquy.memorial.project_document_help', { threshold: formatMoney(threshold) })}
        sx={{ minWidth: 360 }}
      />
      <TextInput source="contractor" validate={validateOptionalText(200)} helperText="soquy.memorial.contractor_help" sx={{ minWidth: 360 }} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <DateInput source="startOn" fullWidth={false} />
        <DateInput source="plannedEndOn" validate={validatePlannedEnd} fullWidth={false} />
      </Box>
      <ArrayInput source="fundingLines" validate={validateFundingLines} helperText="soquy.memorial.funding_lines_help">
        <SimpleFormIterator inline disableReordering disableClear>
          <SelectInput source="source" label="soquy.memorial.line_source" choices={fundingSourceChoices} validate={required()} helperText={false} sx={{ minWidth: 220 }} />
          <FormDataConsumer>
            {({ scopedFormData }) =>
              (scopedFormData as LineValues | undefined)?.source === 'FUND' ? <FundReferenceInput source="fundId" label="soquy.memorial.line_fund" validate={validateLineFund} helperText={false} /> : null
            }
          </FormDataConsumer>
          <TextInput source="note" label="soquy.memorial.line_note" validate={validateOptionalText(200)} helperText={false} sx={{ minWidth: 200 }} />
          <MoneyInput source="amount" label="soquy.memorial.line_amount" validate={validateLineAmount} helperText={false} sx={{ minWidth: 220 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <LinesSum cost={typeof approvedCost === 'number' ? approvedCost : null} sum={sum} support={support} />
      <MemorialCapsBox caps={caps.data} plan={plan} support={support} loading={caps.isFetching} error={caps.error ?? undefined} />
      {failure !== null && (
        <Box sx={{ maxWidth: 760 }}>
          <MemorialRefusalAlert title={translate('soquy.memorial.create_failed')} error={failure} />
        </Box>
      )}
    </>
  );
};

/**
 * A new memorial work (PLANNED), with its financing: the funding lines add up to the approved cost,
 * and the support (central budget and funds) stays within the caps shown as the form is filled. The
 * server has the last word: a refusal (POLICY_LIMIT) stays on the form, naming the rule and its
 * legal basis. Saved, the work is shown, where it is approved.
 */
export const MemorialWorkCreate = () => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [failure, setFailure] = useState<unknown>(null);
  const defaultValues = useMemo(() => ({ kind: 'CEMETERY', scope: 'NEW', fundingLines: [{ source: 'CENTRAL_BUDGET', amount: null }] }), []);

  const submit = async (values: Record<string, unknown>) => {
    setFailure(null);
    try {
      const data = await dataProvider.request<{ createMemorialWork: { id: string } }>(CREATE_MEMORIAL_WORK, toCreateMemorialWorkArgs(values));
      notify('soquy.memorial.created', { type: 'success' });
      redirect('show', 'MemorialWork', data.createMemorialWork.id);
      return undefined;
    } catch (error) {
      setFailure(error);
      const fields = serverFields(error);
      // Validation errors go on their inputs too; a refusal by a rule is explained above the toolbar.
      return serverErrorCode(error) === 'BAD_USER_INPUT' && Object.keys(fields).length > 0 ? fields : undefined;
    }
  };

  return (
    <Create>
      <SimpleForm onSubmit={submit} defaultValues={defaultValues} sx={{ maxWidth: 1100 }} noValidate>
        <MemorialWorkInputs failure={failure} />
      </SimpleForm>
    </Create>
  );
};
