import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  DateInput,
  Form,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  TextInput,
  Title,
  maxLength,
  required,
  useDataProvider,
  useGetList,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { newIdempotencyKey } from '../donations/idempotency';
import { validateAmount } from '../donations/validation';
import { formatDate, formatMoney, formatWholeNumber, todayInVietnam } from '../format';
import { useRateInForce } from '../housing/useRateInForce';
import { MoneyInput } from '../inputs/MoneyInput';
import { notTooOld } from '../inputs/dates';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { Fund } from '../types';
import { ChildPicker, type GiftBasics, type PickedChildren } from './ChildPicker';
import { giftFormChoices, giftOccasionChoices } from './choices';
import { GiftErrorAlert } from './GiftErrorAlert';
import { CREATE_GIFT_CAMPAIGN } from './queries';
import type { GiftCriteria, GiftForm, GiftOccasion } from './types';

/** Step 1: what the campaign gives, from which fund, on which day. */
interface CampaignBasics extends GiftBasics {
  name: string;
  occasion: GiftOccasion;
  packageDescription: string | null;
}

const textLength =
  (min: number, max: number, message: string): Validator =>
  (value: unknown) => {
    const text = typeof value === 'string' ? value.trim() : '';
    return text === '' || (text.length >= min && text.length <= max) ? undefined : message;
  };

const validateName = [required(), textLength(3, 200, 'soquy.gifts.validation.name')];
const validatePackage = [required(), textLength(3, 300, 'soquy.gifts.validation.package'), maxLength(300)];

/** The rate of a gift per child in force on the gift date (CHILD_GIFT_PER_CHILD), under the amount. */
const RateHint = () => {
  const translate = useTranslate();
  const giftDate = useWatch({ name: 'giftDate' }) as string | undefined;
  const rate = useRateInForce('CHILD_GIFT_PER_CHILD', giftDate);
  if (!rate?.amount) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="gift-rate">
      {translate('soquy.gifts.rate_hint', { amount: formatMoney(rate.amount), basis: rate.legalBasis })}
    </Typography>
  );
};

/** Step 1's form. The Child Protection Fund is preselected when the user sees only one. */
const BasicsStep = ({ initial, onNext }: { initial: Partial<CampaignBasics>; onNext: (basics: CampaignBasics) => void }) => {
  const translate = useTranslate();
  const { data: funds, isPending } = useGetList<Fund>('Fund', { filter: { kind: 'CHILD_PROTECTION' }, pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'ASC' } });
  const onlyFund = funds?.length === 1 ? funds[0]?.id : undefined;
  const defaultValues = useMemo(
    () => ({ occasion: 'TET', form: 'CASH', giftDate: todayInVietnam(), ...initial, fundId: initial.fundId ?? onlyFund ?? null }),
    [initial, onlyFund],
  );
  if (isPending) return null;

  const next = (values: FieldValues) => {
    const form = values.form as GiftForm;
    onNext({
      fundId: String(values.fundId),
      name: String(values.name).trim(),
      occasion: values.occasion as GiftOccasion,
      giftDate: String(values.giftDate),
      form,
      amountPerChild: Number(values.amountPerChild),
      packageDescription: form === 'IN_KIND' && typeof values.packageDescription === 'string' ? values.packageDescription.trim() : null,
    });
  };

  return (
    <Form onSubmit={next} defaultValues={defaultValues} noValidate>
      <Box sx={{ display: 'flex', flexDirection: 'column', maxWidth: 640 }}>
        <ReferenceInput source="fundId" reference="Fund" filter={{ kind: 'CHILD_PROTECTION' }} sort={{ field: 'id', order: 'ASC' }}>
          <AutocompleteInput
            label="resources.GiftCampaign.fields.fundId"
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            helperText="soquy.gifts.fund_help"
          />
        </ReferenceInput>
        <TextInput source="name" label="resources.GiftCampaign.fields.name" validate={validateName} helperText="soquy.gifts.name_help" />
        <SelectInput source="occasion" label="resources.GiftCampaign.fields.occasion" choices={giftOccasionChoices} validate={required()} />
        <DateInput source="giftDate" label="resources.GiftCampaign.fields.giftDate" validate={[required(), notTooOld]} helperText="soquy.gifts.gift_date_help" />
        <SelectInput source="form" label="resources.GiftCampaign.fields.form" choices={giftFormChoices} validate={required()} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.form === 'IN_KIND' ? (
              <TextInput
                source="packageDescription"
                label="resources.GiftCampaign.fields.packageDescription"
                validate={validatePackage}
                multiline
                helperText="soquy.gifts.package_help"
              />
            ) : null
          }
        </FormDataConsumer>
        <MoneyInput source="amountPerChild" label="resources.GiftCampaign.fields.amountPerChild" validate={validateAmount} helperText="soquy.gifts.amount_help" />
        <RateHint />
        <Box>
          <Button type="submit" variant="contained">
            {translate('soquy.gifts.wizard.next')}
          </Button>
        </Box>
      </Box>
    </Form>
  );
};

const SummaryRow = ({ label, value, testId }: { label: string; value: string; testId?: string }) => {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell component="th" sx={{ fontWeight: 500, width: 260 }}>
        {translate(label)}
      </TableCell>
      <TableCell data-testid={testId}>{value}</TableCell>
    </TableRow>
  );
};

/**
 * The gift campaign wizard (đợt tặng quà), at the resource's create route: 1) the fund, name,
 * occasion, gift date, form and amount per child; 2) the children, by criteria, previewed against
 * the fund, some left out if need be; 3) the campaign created (createGiftCampaign) with one
 * idempotency key per wizard, so that a retry never makes two. Refusals stay in the wizard,
 * explained.
 */
export const GiftCampaignCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [step, setStep] = useState(0);
  const [basics, setBasics] = useState<CampaignBasics | null>(null);
  const [picked, setPicked] = useState<PickedChildren | null>(null);
  const [lastCriteria, setLastCriteria] = useState<GiftCriteria | undefined>(undefined);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { data: fund } = useGetOne<Fund>('Fund', { id: basics?.fundId ?? '' }, { enabled: Boolean(basics?.fundId) });
  const steps = ['soquy.gifts.wizard.step_basics', 'soquy.gifts.wizard.step_children', 'soquy.gifts.wizard.step_create'];

  const create = async () => {
    if (!basics || !picked) return;
    setSaving(true);
    setFailure(null);
    try {
      const { createGiftCampaign } = await dataProvider.request<{ createGiftCampaign: { id: string } }>(CREATE_GIFT_CAMPAIGN, {
        fundId: basics.fundId,
        name: basics.name,
        occasion: basics.occasion,
        giftDate: basics.giftDate,
        form: basics.form,
        amountPerChild: basics.amountPerChild,
        packageDescription: basics.packageDescription,
        criteria: picked.criteria,
        childIds: picked.childIds,
        idempotencyKey,
      });
      notify('soquy.gifts.wizard.created', { type: 'success' });
      redirect('show', 'GiftCampaign', createGiftCampaign.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const total = basics && picked ? picked.childIds.length * basics.amountPerChild : 0;

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="soquy.gifts.wizard.title" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
            {translate('soquy.gifts.wizard.title')}
          </Typography>
          <Stepper activeStep={step} sx={{ mb: 3 }}>
            {steps.map((label) => (
              <Step key={label}>
                <StepLabel>{translate(label)}</StepLabel>
              </Step>
            ))}
          </Stepper>
          {step === 0 && (
            <BasicsStep
              initial={basics ?? {}}
              onNext={(values) => {
                const changed =
                  !basics ||
                  basics.fundId !== values.fundId ||
                  basics.giftDate !== values.giftDate ||
                  basics.form !== values.form ||
                  basics.amountPerChild !== values.amountPerChild;
                if (changed) setPicked(null);
                setBasics(values);
                setStep(1);
              }}
            />
          )}
          {basics && (
            // Kept mounted (hidden) on the other steps, so that going back keeps the preview and the boxes checked.
            <Box sx={{ display: step === 1 ? 'block' : 'none' }}>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('soquy.gifts.wizard.children_help', { date: formatDate(basics.giftDate) })}
              </Typography>
              <ChildPicker
                key={`${basics.fundId}-${basics.giftDate}-${basics.form}-${basics.amountPerChild}`}
                basics={basics}
                initialCriteria={lastCriteria}
                onChange={(next) => {
                  setPicked(next);
                  if (next) setLastCriteria(next.criteria);
                }}
              />
              <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
                <Button onClick={() => setStep(0)}>{translate('soquy.gifts.wizard.back')}</Button>
                <Button variant="contained" disabled={!picked || picked.childIds.length === 0} onClick={() => setStep(2)}>
                  {translate('soquy.gifts.wizard.next')}
                </Button>
              </Box>
            </Box>
          )}
          {step === 2 && basics && picked && (
            <>
              <Table size="small" sx={{ maxWidth: 760, mb: 2 }} data-testid="gift-summary">
                <TableBody>
                  <SummaryRow label="resources.GiftCampaign.fields.fundId" value={fund?.name ?? ''} />
                  <SummaryRow label="resources.GiftCampaign.fields.name" value={basics.name} />
                  <SummaryRow label="resources.GiftCampaign.fields.occasion" value={translate(`soquy.gifts.occasion.${basics.occasion}`)} />
                  <SummaryRow label="resources.GiftCampaign.fields.giftDate" value={formatDate(basics.giftDate)} />
                  <SummaryRow
                    label="resources.GiftCampaign.fields.form"
                    value={`${translate(`soquy.gifts.form.${basics.form}`)}${basics.packageDescription ? ` (${basics.packageDescription})` : ''}`}
                  />
                  <SummaryRow label="resources.GiftCampaign.fields.amountPerChild" value={formatMoney(basics.amountPerChild)} />
                  <SummaryRow label="soquy.gifts.wizard.children" value={formatWholeNumber(picked.childIds.length)} testId="gift-summary-count" />
                  <SummaryRow label="soquy.gifts.wizard.total" value={formatMoney(total)} testId="gift-summary-total" />
                </TableBody>
              </Table>
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('soquy.gifts.wizard.create_help')}
              </Alert>
              {failure !== null && <GiftErrorAlert title={translate('soquy.gifts.wizard.create_failed')} error={failure} />}
              <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
                <Button onClick={() => setStep(1)} disabled={saving}>
                  {translate('soquy.gifts.wizard.back')}
                </Button>
                <Button variant="contained" onClick={() => void create()} disabled={saving}>
                  {translate('soquy.gifts.wizard.create')}
                </Button>
              </Box>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
