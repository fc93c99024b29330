import HistoryIcon from '@mui/icons-material/History';
import { Button, useCanAccess, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';

/**
 * "Nhật ký" on a record's page (permission AuditRead): the audit trail filtered on this record
 * (its type and id), newest first.
 */
export const AuditTrailButton = ({ targetType }: { targetType: string }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'AuditEvent', action: 'list' });
  if (!record || !canAccess) return null;
  const filter = encodeURIComponent(JSON.stringify({ targetType, targetId: String(record.id) }));
  return (
    <Button component={Link} label="soquy.audit.trail_of_record" to={`/AuditEvent?filter=${filter}`}>
      <HistoryIcon />
    </Button>
  );
};
