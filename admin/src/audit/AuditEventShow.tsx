import { FunctionField, ListButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../fields';
import type { AuditEvent } from '../types';
import { ChangesDiff } from './ChangesDiff';

const AuditEventShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/** One audit event: who, when, what, from where, and the diff of what it changed. */
export const AuditEventShow = () => (
  <Show actions={<AuditEventShowActions />}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="userEmail" emptyText="—" />
      <TextField source="operation" />
      <FunctionField<AuditEvent> source="targetType" render={(event) => (event.targetType ? `${event.targetType} #${event.targetId ?? ''}` : '—')} />
      <TextField source="requestId" />
      <TextField source="clientAddress" />
    </SimpleShowLayout>
    <ChangesDiff />
  </Show>
);
