import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Form,
  NumberInput,
  RecordContextProvider,
  ReferenceArrayInput,
  ReferenceField,
  SelectArrayInput,
  maxValue,
  minValue,
  required,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { CircumstanceField } from '../children/fields';
import { useCircumstanceChoices } from '../children/useCircumstances';
import { formatDate, formatMoney, formatWholeNumber } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { GiftErrorAlert } from './GiftErrorAlert';
import { GIFT_PREVIEW } from './queries';
import type { EligibleChild, GiftCriteria, GiftForm, GiftPreview } from './types';

/** The most children of one batch (the API's MAX_GIFT_BATCH). */
export const MAX_GIFT_BATCH = 5_000;

/** What the gifts are: the fund paying, the day (ages are counted on it), the form and the amount per child. */
export interface GiftBasics {
  fundId: string;
  giftDate: string;
  form: GiftForm;
  amountPerChild: number;
}

/** The children picked: the criteria they were found by and the ids kept (checked). */
export interface PickedChildren {
  criteria: GiftCriteria;
  childIds: string[];
}

interface PreviewResult {
  criteria: GiftCriteria;
  preview: GiftPreview;
  children: EligibleChild[];
}

const Figure = ({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'error' | 'success' }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 160 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="h6" component="div" data-testid={testId} color={tone === 'error' ? 'error.main' : tone === 'success' ? 'success.main' : undefined}>
        {value}
      </Typography>
    </Paper>
  );
};

/** The children of the preview with a checkbox each (all checked at first), by pages. */
const EligibleTable = ({ rows, excluded, onToggle, onToggleAll }: { rows: EligibleChild[]; excluded: Set<string>; onToggle: (id: string) => void; onToggleAll: () => void }) => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const shown = rows.slice(page * perPage, page * perPage + perPage);
  const checkedCount = rows.length - excluded.size;
  return (
    <Box>
      <Table size="small" data-testid="gift-eligible" aria-label={translate('soquy.gifts.picker.eligible')}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                checked={checkedCount === rows.length && rows.length > 0}
                indeterminate={checkedCount > 0 && checkedCount < rows.length}
                onChange={onToggleAll}
                slotProps={{ input: { 'aria-label': translate('soquy.gifts.picker.all') } }}
              />
            </TableCell>
            <TableCell>{translate('resources.Child.fields.fullName')}</TableCell>
            <TableCell>{translate('resources.Child.fields.birthDate')}</TableCell>
            <TableCell>{translate('resources.Child.fields.circumstanceCode')}</TableCell>
            <TableCell>{translate('resources.Child.fields.unitId')}</TableCell>
            <TableCell>{translate('resources.Child.fields.guardianName')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((child) => (
            <TableRow key={child.id} hover selected={!excluded.has(child.id)}>
              <TableCell padding="checkbox">
                <Checkbox checked={!excluded.has(child.id)} onChange={() => onToggle(child.id)} slotProps={{ input: { 'aria-label': child.fullName } }} />
              </TableCell>
              <TableCell>{child.fullName}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{/^\d{4}-\d{2}-\d{2}$/.test(child.birthDate) ? formatDate(child.birthDate) : child.birthDate}</TableCell>
              <TableCell>
                <RecordContextProvider value={child}>
                  <CircumstanceField source="circumstanceCode" />
                </RecordContextProvider>
              </TableCell>
              <TableCell>
                <RecordContextProvider value={child}>
                  <ReferenceField source="unitId" reference="AdministrativeUnit" link={false} />
                </RecordContextProvider>
              </TableCell>
              <TableCell>{child.guardianName}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={rows.length}
        page={Math.min(page, Math.max(0, Math.ceil(rows.length / perPage) - 1))}
        onPageChange={(_event, next) => setPage(next)}
        rowsPerPage={perPage}
        onRowsPerPageChange={(event) => {
          setPerPage(Number(event.target.value));
          setPage(0);
        }}
        rowsPerPageOptions={[50, 100, 500]}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
      />
    </Box>
  );
};

/** The preview against the fund: count, total, what the fund holds, pending gift batches, enough or not, per commune. */
const PreviewFigures = ({ preview, selectedCount, amountPerChild }: { preview: GiftPreview; selectedCount: number; amountPerChild: number }) => {
  const translate = useTranslate();
  const selectedTotal = selectedCount * amountPerChild;
  const free = preview.available - preview.pending;
  const enough = selectedTotal <= free;
  return (
    <Box data-testid="gift-preview">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', my: 2 }}>
        <Figure label="soquy.gifts.preview.count" value={formatWholeNumber(preview.count)} testId="gift-preview-count" />
        <Figure label="soquy.gifts.preview.total" value={formatMoney(preview.total)} testId="gift-preview-total" />
        <Figure label="soquy.gifts.preview.available" value={formatMoney(preview.available)} testId="gift-preview-available" />
        <Figure label="soquy.gifts.preview.pending" value={formatMoney(preview.pending)} testId="gift-preview-pending" />
        <Figure label="soquy.gifts.preview.selected" value={`${formatWholeNumber(selectedCount)} · ${formatMoney(selectedTotal)}`} testId="gift-preview-selected" tone={enough ? 'success' : 'error'} />
      </Stack>
      <Alert severity={enough ? 'success' : 'error'} data-testid="gift-preview-enough" sx={{ mb: 2 }}>
        {translate(enough ? 'soquy.gifts.preview.enough' : 'soquy.gifts.preview.not_enough', { total: formatMoney(selectedTotal), free: formatMoney(Math.max(0, free)) })}
      </Alert>
      {preview.count > MAX_GIFT_BATCH && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('soquy.gifts.preview.too_many', { max: formatWholeNumber(MAX_GIFT_BATCH) })}
        </Alert>
      )}
      {preview.byUnit.length > 0 && (
        <Table size="small" data-testid="gift-preview-units" aria-label={translate('soquy.gifts.preview.by_unit')} sx={{ mb: 2, maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('soquy.gifts.preview.commune')}</TableCell>
              <TableCell align="right">{translate('soquy.gifts.preview.children')}</TableCell>
              <TableCell align="right">{translate('soquy.gifts.preview.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.byUnit.map((unit) => (
              <TableRow key={unit.unitId}>
                <TableCell>{unit.unitName}</TableCell>
                <TableCell align="right">{formatWholeNumber(unit.count)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(unit.total)}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 'bold' }}>{translate('soquy.gifts.print.total')}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                {formatWholeNumber(preview.count)}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>
                {formatMoney(preview.total)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

const ages = [minValue(0), maxValue(15)];

/**
 * Picks the children of a gift batch: by communes (or units above them, several), circumstances
 * and age; previews them against the fund (giftCampaignPreview) and lists them
 * (giftEligibleChildren), all checked, so that some can be left out. With `campaignId`, the
 * children already in that campaign are left out by the server.
 */
export const ChildPicker = ({
  basics,
  campaignId,
  initialCriteria,
  onChange,
}: {
  basics: GiftBasics;
  campaignId?: string;
  initialCriteria?: Partial<GiftCriteria>;
  onChange: (picked: PickedChildren | null) => void;
}) => {
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const circumstanceChoices = useCircumstanceChoices();
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const report = (next: PreviewResult | null, nextExcluded: Set<string>) => {
    if (!next) {
      onChange(null);
      return;
    }
    onChange({ criteria: next.criteria, childIds: next.children.filter((child) => !nextExcluded.has(child.id)).map((child) => child.id) });
  };

  const preview = async (values: FieldValues) => {
    const criteria: GiftCriteria = {
      unitIds: ((values.unitIds as unknown[] | undefined) ?? []).map(String),
      circumstances: ((values.circumstances as unknown[] | undefined) ?? []).map(String),
      maxAge: typeof values.maxAge === 'number' ? values.maxAge : null,
    };
    setLoading(true);
    setFailure(null);
    try {
      const data = await dataProvider.request<{ giftCampaignPreview: GiftPreview; giftEligibleChildren: EligibleChild[] }>(GIFT_PREVIEW, {
        ...basics,
        criteria,
        campaignId: campaignId ?? null,
      });
      const next = { criteria, preview: data.giftCampaignPreview, children: data.giftEligibleChildren.slice(0, MAX_GIFT_BATCH) };
      const none = new Set<string>();
      setResult(next);
      setExcluded(none);
      report(next, none);
    } catch (error) {
      setResult(null);
      report(null, new Set());
      setFailure(error);
    } finally {
      setLoading(false);
    }
  };

  const toggle = (id: string) => {
    const next = new Set(excluded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExcluded(next);
    report(result, next);
  };

  const toggleAll = () => {
    const next = excluded.size === 0 && result ? new Set(result.children.map((child) => child.id)) : new Set<string>();
    setExcluded(next);
    report(result, next);
  };

  const selectedCount = result ? result.children.length - excluded.size : 0;

  return (
    <Box>
      <Form
        onSubmit={preview}
        defaultValues={{ unitIds: initialCriteria?.unitIds ?? [], circumstances: initialCriteria?.circumstances ?? [], maxAge: initialCriteria?.maxAge ?? null }}
        noValidate
      >
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <ReferenceArrayInput source="unitIds" reference="AdministrativeUnit" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
            <AutocompleteArrayInput
              label="soquy.gifts.picker.units"
              optionText="nameWithType"
              filterToQuery={(q: string) => ({ q })}
              validate={required()}
              helperText="soquy.gifts.picker.units_help"
              sx={{ minWidth: 420 }}
            />
          </ReferenceArrayInput>
          <SelectArrayInput
            source="circumstances"
            label="soquy.gifts.picker.circumstances"
            choices={circumstanceChoices}
            translateChoice={false}
            helperText="soquy.gifts.picker.circumstances_help"
            sx={{ minWidth: 320 }}
          />
          <NumberInput source="maxAge" label="soquy.gifts.picker.max_age" min={0} max={15} step={1} validate={ages} helperText="soquy.gifts.picker.max_age_help" sx={{ width: 180 }} />
        </Stack>
        <Button type="submit" variant="outlined" disabled={loading} sx={{ mt: 1 }}>
          {translate('soquy.gifts.picker.preview')}
        </Button>
      </Form>
      {failure !== null && <GiftErrorAlert title={translate('soquy.gifts.picker.preview_failed')} error={failure} />}
      {result && (
        <>
          <PreviewFigures preview={result.preview} selectedCount={selectedCount} amountPerChild={basics.amountPerChild} />
          {result.children.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('soquy.gifts.picker.none')}
            </Typography>
          ) : (
            <>
              <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
                {translate('soquy.gifts.picker.eligible_count', { checked: formatWholeNumber(selectedCount), count: formatWholeNumber(result.children.length) })}
              </Typography>
              <EligibleTable rows={result.children} excluded={excluded} onToggle={toggle} onToggleAll={toggleAll} />
            </>
          )}
        </>
      )}
    </Box>
  );
};
