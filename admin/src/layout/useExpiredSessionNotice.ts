import { useEffect } from 'react';
import { useNotify } from 'react-admin';
import { takeExpiredSessionNotice } from '../providers/session';

/** On the sign-in page: says that the previous session expired, when that is why we are here. */
export function useExpiredSessionNotice(): void {
  const notify = useNotify();
  useEffect(() => {
    if (takeExpiredSessionNotice()) notify('ra.notification.logged_out', { type: 'warning' });
  }, [notify]);
}
