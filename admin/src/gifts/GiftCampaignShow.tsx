import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  Datagrid,
  FunctionField,
  Labeled,
  Link,
  ListButton,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SimpleShowLayout,
  SingleFieldList,
  ChipField,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CircumstanceField } from '../children/fields';
import { disbursementStatusColors } from '../disbursements/choices';
import { DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { formatMoney, formatWholeNumber } from '../format';
import { NO_PRINT_CLASS, PrintableShow } from '../print';
import type { Disbursement } from '../types';
import { AddChildrenButton } from './AddChildrenButton';
import { DistributionList } from './DistributionList';
import type { GiftCampaign } from './types';

const Heading = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2, pb: 1 }}>
      {translate(message)}
    </Typography>
  );
};

const GiftCampaignShowActions = () => (
  <TopToolbar>
    <ListButton />
    <AddChildrenButton />
  </TopToolbar>
);

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 150 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="h6" component="div" data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
};

/** The campaign's figures: lines, total, pending, handed over, returned and the amount returned to the fund. */
const Figures = () => {
  const campaign = useRecordContext<GiftCampaign>();
  if (!campaign) return null;
  const { figures } = campaign;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', px: 2, pb: 1 }} data-testid="gift-figures">
      <Figure label="soquy.gifts.figures.recipients" value={formatWholeNumber(figures.recipients)} testId="gift-figure-recipients" />
      <Figure label="soquy.gifts.figures.total" value={formatMoney(figures.total)} testId="gift-figure-total" />
      <Figure label="soquy.gifts.figures.pending" value={formatWholeNumber(figures.pending)} testId="gift-figure-pending" />
      <Figure label="soquy.gifts.figures.handedOver" value={formatWholeNumber(figures.handedOver)} testId="gift-figure-handed-over" />
      <Figure label="soquy.gifts.figures.returned" value={formatWholeNumber(figures.returned)} testId="gift-figure-returned" />
      <Figure label="soquy.gifts.figures.returnedAmount" value={formatMoney(figures.returnedAmount)} testId="gift-figure-returned-amount" />
    </Stack>
  );
};

/** The circumstances picked, by name; all when none. */
const CircumstancesField = () => {
  const campaign = useRecordContext<GiftCampaign>();
  const translate = useTranslate();
  if (!campaign) return null;
  if (campaign.circumstances.length === 0) return <Typography variant="body2">{translate('soquy.gifts.all_circumstances')}</Typography>;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {campaign.circumstances.map((code) => (
        <Chip key={code} size="small" variant="outlined" label={<CircumstanceField source="code" record={{ id: code, code }} />} />
      ))}
    </Stack>
  );
};

/** Every field of the campaign. */
const CampaignDetails = () => {
  const campaign = useRecordContext<GiftCampaign>();
  if (!campaign) return null;
  return (
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumChipField source="occasion" prefix="soquy.gifts.occasion" />
      <LocalDateField source="giftDate" />
      <EnumChipField source="form" prefix="soquy.gifts.form" />
      {campaign.packageDescription && <TextField source="packageDescription" />}
      <MoneyField source="amountPerChild" />
      <ReferenceField source="fundId" reference="Fund" link="show" />
      <ReferenceArrayField source="unitIds" reference="AdministrativeUnit">
        <SingleFieldList linkType={false}>
          <ChipField source="nameWithType" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <Labeled label="resources.GiftCampaign.fields.circumstances">
        <CircumstancesField />
      </Labeled>
      {campaign.maxAge !== null && <NumberField source="maxAge" />}
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  );
};

/** The batch disbursements (phiếu chi) of the campaign, linked to their pages, with their status. */
const Batches = () => {
  const campaign = useRecordContext<GiftCampaign>();
  const translate = useTranslate();
  if (!campaign) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('soquy.gifts.batches_help')}
      </Alert>
      <ReferenceArrayField source="disbursementIds" reference="Disbursement">
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="gift-batches" resource="Disbursement">
          <FunctionField
            label="soquy.gifts.batch"
            render={(d: Disbursement) => (
              <Link to={`/Disbursement/${d.id}/show`} data-testid="gift-batch-link">
                {d.voucherNumber ?? translate('soquy.gifts.batch_number', { id: d.id })}
              </Link>
            )}
          />
          <TextField source="purpose" />
          <MoneyField source="amount" textAlign="right" />
          <EnumChipField source="status" prefix="soquy.disbursementStatus" colors={disbursementStatusColors} variant="filled" />
          <LocalDateField source="paidOn" />
        </Datagrid>
      </ReferenceArrayField>
    </Box>
  );
};

const Distribution = () => {
  const campaign = useRecordContext<GiftCampaign>();
  if (!campaign) return null;
  return <DistributionList campaign={campaign} />;
};

/**
 * A gift campaign: its figures, the batch disbursements that go through the phiếu chi workflow,
 * every field, and the distribution list (danh sách ký nhận) by commune, printed to be signed,
 * with the lines handed over or returned to the fund.
 */
export const GiftCampaignShow = () => (
  <PrintableShow actions={<GiftCampaignShowActions />}>
    <Box className={NO_PRINT_CLASS}>
      <Figures />
      <Heading message="soquy.gifts.batches" />
      <Batches />
      <CampaignDetails />
      <Heading message="soquy.gifts.list.title" />
    </Box>
    <Distribution />
  </PrintableShow>
);
