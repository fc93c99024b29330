import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  Datagrid,
  NumberField,
  Pagination,
  ReferenceManyField,
  TextField,
  useCanAccess,
  useRecordContext,
  useResourceDefinitions,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { EnumChipField, FormattedField, LocalDateField } from '../fields';
import { formatMoney } from '../format';
import type { Fund, LedgerLine } from '../types';

/** The console resource of each kind of document that posts to the ledger. */
const sourceResources: Readonly<Record<string, string>> = { donation: 'Donation', disbursement: 'Disbursement' };

/** A change of cash or goods; a line that did not move one shows nothing for it. */
const change = (value: string) => (value === '0' ? '' : formatMoney(value));

const kindColors = { DONATION: 'success', DONATION_VOID: 'error', DISBURSEMENT: 'warning', TRANSFER_OUT: 'warning', TRANSFER_IN: 'info' } as const;

/** The fund's ledger transactions, newest first: what each moved in cash and in goods. */
export const FundLedger = () => {
  const fund = useRecordContext<Fund>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'LedgerLine', action: 'list' });
  const resources = useResourceDefinitions();
  if (!fund || !canAccess) return null;

  /** A ledger line opens the document it posted (a receipt…), when the console has a page for it. */
  const openSource = (_id: unknown, _resource: string, record: RaRecord) => {
    const line = record as LedgerLine;
    const resource = sourceResources[line.sourceType];
    return resource && resources[resource]?.hasShow ? `/${resource}/${line.sourceId}/show` : false;
  };

  return (
    <Box component="section" sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ pt: 2 }}>
        {translate('soquy.funds.ledger')}
      </Typography>
      <ReferenceManyField
        reference="LedgerLine"
        target="fundId"
        sort={{ field: 'seq', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <Datagrid
          rowClick={openSource}
          bulkActionButtons={false}
          resource="LedgerLine"
          data-testid="fund-ledger"
          sx={{ '& .column-seq, & .column-occurredOn, & .column-cashChange, & .column-goodsChange': { whiteSpace: 'nowrap' } }}
          empty={
            <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
              {translate('soquy.funds.no_ledger')}
            </Typography>
          }
        >
          <NumberField source="seq" options={{ useGrouping: false }} />
          <LocalDateField source="occurredOn" />
          <EnumChipField source="kind" prefix="soquy.ledgerKind" colors={kindColors} />
          <TextField source="description" sortable={false} />
          <FormattedField source="cashChange" format={change} textAlign="right" sortable={false} />
          <FormattedField source="goodsChange" format={change} textAlign="right" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};
