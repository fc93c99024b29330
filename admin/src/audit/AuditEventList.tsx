import {
  AutocompleteInput,
  Datagrid,
  DateTimeInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../fields';
import type { AuditEvent } from '../types';
import { auditTargetTypeChoices } from './choices';

/** DateTimeInput gives a local "YYYY-MM-DDTHH:mm"; the API takes an ISO instant. */
const toInstant = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

function useFilters() {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'User', action: 'list' });
  return [
    ...(canListUsers
      ? [
          <ReferenceInput key="userId" source="userId" reference="User" sort={{ field: 'fullName', order: 'ASC' }} alwaysOn>
            <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
          </ReferenceInput>,
        ]
      : []),
    <SelectInput key="targetType" source="targetType" choices={auditTargetTypeChoices} alwaysOn />,
    <TextInput key="targetId" source="targetId" />,
    <TextInput key="operation" source="operation" />,
    <DateTimeInput key="from" source="from" parse={toInstant} />,
    <DateTimeInput key="to" source="to" parse={toInstant} />,
  ];
}

const AuditEventListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** What one event changed, in one line: "Sửa Disbursement #12: status, approvedAt…". */
function summary(event: AuditEvent, translate: ReturnType<typeof useTranslate>): string {
  return event.changes
    .map((change) => {
      const fields = Object.keys(change.after ?? change.before ?? {});
      const head = `${translate(`soquy.auditKind.${change.kind}`, { _: change.kind })} ${change.entity} #${String(change.id ?? '')}`;
      return change.kind === 'update' ? `${head}: ${fields.join(', ')}` : head;
    })
    .join(' · ');
}

/** The audit trail (nhật ký) of the user's scope, newest first (permission AuditRead). */
export const AuditEventList = () => {
  const filters = useFilters();
  const translate = useTranslate();
  return (
    <List sort={{ field: 'at', order: 'DESC' }} perPage={25} filters={filters} actions={<AuditEventListActions />} exporter={false} empty={false}>
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .column-at': { whiteSpace: 'nowrap' } }}>
        <DateTimeField source="at" />
        <TextField source="userEmail" emptyText="—" />
        <TextField source="operation" />
        <FunctionField<AuditEvent>
          source="targetType"
          render={(event) => (event.targetType ? `${event.targetType} #${event.targetId ?? ''}` : '—')}
        />
        <FunctionField<AuditEvent> source="changes" sortable={false} render={(event) => summary(event, translate)} />
      </Datagrid>
    </List>
  );
};
