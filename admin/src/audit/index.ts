import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import type { AuditEvent } from '../types';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** Resource `AuditEvent` (nhật ký): list and show with AuditRead. Append-only: never created, edited nor deleted here. */
export const auditEvents: Omit<ResourceProps, 'name'> = {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: (event: AuditEvent) => event.operation,
};
