import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  ArrayField,
  Button,
  Datagrid,
  DateField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionDialog } from '../dialogs/ActionDialog';
import { EnumChipField, LocalDateField } from '../fields';
import { formatMoney } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';

interface Move {
  id: string;
  label: string;
  fromUnitName: string;
  toUnitName: string;
}
interface UnitChange {
  unitId: string | null;
  code: string;
  nameWithType: string;
  fromParentName: string | null;
  toUnitName: string | null;
}
interface FundClosing {
  fundId: string;
  fundName: string;
  freeCash: number;
  earmarkedCash: number;
  goods: number;
  successorFundName: string;
  createsSuccessorFund: boolean;
}
interface Preview {
  unitsEnding: UnitChange[];
  unitsReparented: UnitChange[];
  unitsCreated: UnitChange[];
  fundsClosing: FundClosing[];
  users: Move[];
  housingGrants: Move[];
  memorialWorks: Move[];
  blockers: { rule: string; message: string }[];
}
interface EventRecord {
  id: string;
  status: string;
  permissions?: { apply: boolean };
}

const UNIT = 'unitId code nameWithType fromParentName toUnitName';
const MOVE = 'id label fromUnitName toUnitName';
export const PREVIEW = `query($id: ID!) { unitSuccessionPreview(id: $id) {
  unitsEnding { ${UNIT} } unitsReparented { ${UNIT} } unitsCreated { ${UNIT} }
  fundsClosing { fundId fundName freeCash earmarkedCash goods successorFundName createsSuccessorFund }
  users { ${MOVE} } housingGrants { ${MOVE} } memorialWorks { ${MOVE} } blockers { rule message } } }`;
const PERMISSIONS = 'query($id: ID!) { UnitSuccessionEvent(id: $id) { id status permissions { apply } } }';
const APPLY = 'mutation($id: ID!) { applyUnitSuccessionEvent(id: $id) { id status appliedAt } }';

const Section = ({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3">
        {translate(title)}
      </Typography>
      {empty ? <Typography variant="body2">{translate('soquy.reorganisation.none')}</Typography> : children}
    </Box>
  );
};

const Moves = ({ rows }: { rows: Move[] }) => (
  <Table size="small">
    <TableBody>
      {rows.map((m) => (
        <TableRow key={m.id}>
          <TableCell>{m.label}</TableCell>
          <TableCell>{m.fromUnitName} → {m.toUnitName}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const Units = ({ rows }: { rows: UnitChange[] }) => (
  <Table size="small">
    <TableBody>
      {rows.map((u) => (
        <TableRow key={u.code}>
          <TableCell>{u.code}</TableCell>
          <TableCell>{u.nameWithType}</TableCell>
          <TableCell>{u.fromParentName ? `${u.fromParentName} → ` : '→ '}{u.toUnitName}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** What applying the event will do, from `unitSuccessionPreview`. */
const PreviewPanel = () => {
  const record = useRecordContext<EventRecord>();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['UnitSuccessionEvent', 'preview', record?.id, record?.status],
    queryFn: () => dataProvider.request<{ unitSuccessionPreview: Preview }>(PREVIEW, { id: String(record!.id) }),
    enabled: !!record && record.status === 'DRAFT',
  });
  if (!record || record.status !== 'DRAFT' || !data) return null;
  const p = data.unitSuccessionPreview;
  return (
    <Box sx={{ p: 2 }} aria-label={translate('soquy.reorganisation.preview')} role="region">
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('soquy.reorganisation.preview')}
      </Typography>
      {p.blockers.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <strong>{translate('soquy.reorganisation.blockers')}</strong>
          <ul>
            {p.blockers.map((b) => (
              <li key={b.message}>{b.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Section title="soquy.reorganisation.unitsEnding" empty={p.unitsEnding.length === 0}>
        <Units rows={p.unitsEnding} />
      </Section>
      <Section title="soquy.reorganisation.unitsCreated" empty={p.unitsCreated.length === 0}>
        <Units rows={p.unitsCreated} />
      </Section>
      <Section title="soquy.reorganisation.unitsReparented" empty={p.unitsReparented.length === 0}>
        <Units rows={p.unitsReparented} />
      </Section>
      <Section title="soquy.reorganisation.fundsClosing" empty={p.fundsClosing.length === 0}>
        <Table size="small" aria-label={translate('soquy.reorganisation.fundsClosing')}>
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell align="right">{translate('soquy.reorganisation.freeCash')}</TableCell>
              <TableCell align="right">{translate('soquy.reorganisation.earmarkedCash')}</TableCell>
              <TableCell align="right">{translate('soquy.reorganisation.goods')}</TableCell>
              <TableCell>{translate('soquy.reorganisation.successorFund')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {p.fundsClosing.map((f) => (
              <TableRow key={f.fundId}>
                <TableCell>{f.fundName}</TableCell>
                <TableCell align="right">{formatMoney(f.freeCash)}</TableCell>
                <TableCell align="right">{formatMoney(f.earmarkedCash)}</TableCell>
                <TableCell align="right">{formatMoney(f.goods)}</TableCell>
                <TableCell>
                  {f.successorFundName}
                  {f.createsSuccessorFund ? ` ${translate('soquy.reorganisation.newFund')}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="soquy.reorganisation.users" empty={p.users.length === 0}>
        <Moves rows={p.users} />
      </Section>
      <Section title="soquy.reorganisation.housingGrants" empty={p.housingGrants.length === 0}>
        <Moves rows={p.housingGrants} />
      </Section>
      <Section title="soquy.reorganisation.memorialWorks" empty={p.memorialWorks.length === 0}>
        <Moves rows={p.memorialWorks} />
      </Section>
    </Box>
  );
};

/** "Áp dụng", with a confirmation; shown when the server says the user may apply the event now. */
const ApplyButton = () => {
  const record = useRecordContext<EventRecord>();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({
    queryKey: ['UnitSuccessionEvent', 'permissions', record?.id, record?.status],
    queryFn: () => dataProvider.request<{ UnitSuccessionEvent: EventRecord }>(PERMISSIONS, { id: String(record!.id) }),
    enabled: !!record,
  });
  if (!record || !data?.UnitSuccessionEvent.permissions?.apply) return null;
  return (
    <>
      <Button label="soquy.reorganisation.apply" onClick={() => setOpen(true)} variant="contained" />
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        titleId="apply-succession-title"
        title={translate('soquy.reorganisation.applyTitle')}
        help={translate('soquy.reorganisation.applyHelp')}
        confirmLabel="soquy.reorganisation.apply"
        confirmColor="warning"
        refreshOnSuccess
        onSubmit={async () => {
          await dataProvider.request(APPLY, { id: String(record.id) });
        }}
      >
        {null}
      </ActionDialog>
    </>
  );
};

const Actions = () => (
  <TopToolbar>
    <ApplyButton />
  </TopToolbar>
);

/** One event: its fields, its lines, and (while a draft) what applying it will do. */
export const SuccessionEventShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="legalBasis" />
      <LocalDateField source="effectiveOn" />
      <EnumChipField source="status" prefix="soquy.reorganisation.status" colors={{ APPLIED: 'success' }} />
      <DateField source="appliedAt" showTime emptyText="—" />
      <ArrayField source="lines">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <EnumChipField source="kind" prefix="soquy.reorganisation.kind" label="resources.UnitSuccessionEvent.fields.kind" />
          <ReferenceField source="predecessorId" reference="AdministrativeUnit" link="show" label="resources.UnitSuccessionEvent.fields.predecessorId" />
          <ReferenceField source="successorId" reference="AdministrativeUnit" link="show" emptyText="—" label="resources.UnitSuccessionEvent.fields.successorId" />
          <TextField source="newUnitCode" emptyText="—" label="resources.UnitSuccessionEvent.fields.newUnitCode" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
    <PreviewPanel />
  </Show>
);
