import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import PublicIcon from '@mui/icons-material/Public';
import PublicOffIcon from '@mui/icons-material/PublicOff';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import type { Campaign } from '../types';

const PUBLISH = 'mutation($id: ID!) { publishCampaign(id: $id) { id publicSlug publishedAt } }';
const UNPUBLISH = 'mutation($id: ID!) { unpublishCampaign(id: $id) { id publicSlug publishedAt } }';

/** The address of a campaign's public page, served by the API without sign-in. */
export const publicPageUrl = (slug: string) => `/public/campaigns/${encodeURIComponent(slug)}`;

/**
 * "Công khai": whether the campaign's public page is open, its link, and (permission
 * CampaignWrite) publishing or unpublishing it after a confirmation that says what becomes public.
 */
export const CampaignPublicSection = () => {
  const campaign = useRecordContext<Campaign>();
  const { canAccess } = useCanAccess({ resource: 'Campaign', action: 'publish', record: campaign });
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!campaign) return null;
  const published = Boolean(campaign.publishedAt);

  const confirm = async () => {
    setSaving(true);
    try {
      await dataProvider.request(published ? UNPUBLISH : PUBLISH, { id: campaign.id });
      notify(published ? 'soquy.publicPages.unpublished_done' : 'soquy.publicPages.published_done', { type: 'success' });
      setAsking(false);
      refresh();
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="campaign-public-title" sx={{ px: 2, pb: 1 }} data-testid="campaign-public">
      <Typography id="campaign-public-title" variant="h6" component="h2" sx={{ pt: 2 }}>
        {translate('soquy.publicPages.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720, pb: 1 }}>
        {translate('soquy.publicPages.help')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <Typography variant="body1" data-testid="campaign-public-status" sx={{ fontWeight: published ? 600 : 400 }}>
          {published ? translate('soquy.publicPages.published', { date: formatDateTime(campaign.publishedAt!) }) : translate('soquy.publicPages.not_published')}
        </Typography>
        {published && campaign.publicSlug && (
          <Link href={publicPageUrl(campaign.publicSlug)} target="_blank" rel="noopener noreferrer" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            {translate('soquy.publicPages.link')}
            <OpenInNewIcon fontSize="small" />
          </Link>
        )}
        {canAccess && (
          <Button label={published ? 'soquy.publicPages.unpublish' : 'soquy.publicPages.publish'} onClick={() => setAsking(true)} variant="outlined" color={published ? 'warning' : 'primary'}>
            {published ? <PublicOffIcon /> : <PublicIcon />}
          </Button>
        )}
      </Box>
      <Confirm
        isOpen={asking}
        loading={saving}
        title={translate(published ? 'soquy.publicPages.unpublish_title' : 'soquy.publicPages.publish_title', { name: campaign.name })}
        content={translate(published ? 'soquy.publicPages.unpublish_content' : 'soquy.publicPages.publish_content')}
        confirm={published ? 'soquy.publicPages.unpublish' : 'soquy.publicPages.publish'}
        onConfirm={confirm}
        onClose={() => setAsking(false)}
      />
    </Box>
  );
};
