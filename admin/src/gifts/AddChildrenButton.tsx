import GroupAddIcon from '@mui/icons-material/GroupAdd';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { Button as RaButton, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { newIdempotencyKey } from '../donations/idempotency';
import { formatMoney, formatWholeNumber } from '../format';
import type { SoQuyDataProvider } from '../providers/dataProvider';
import { ChildPicker, type PickedChildren } from './ChildPicker';
import { GiftErrorAlert } from './GiftErrorAlert';
import { ADD_GIFT_RECIPIENTS } from './queries';
import type { GiftCampaign } from './types';

/** The dialog: the picking step of the wizard for this campaign (its children left out), then a new batch. */
const AddChildrenDialog = ({ campaign, onClose }: { campaign: GiftCampaign; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SoQuyDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [picked, setPicked] = useState<PickedChildren | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const add = async () => {
    if (!picked) return;
    setSaving(true);
    setFailure(null);
    try {
      await dataProvider.request(ADD_GIFT_RECIPIENTS, { campaignId: String(campaign.id), childIds: picked.childIds, idempotencyKey });
      notify('soquy.gifts.add.done', { type: 'success', messageArgs: { count: formatWholeNumber(picked.childIds.length), smart_count: picked.childIds.length } });
      refresh();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const count = picked?.childIds.length ?? 0;
  return (
    <Dialog open onClose={saving ? undefined : onClose} aria-labelledby="gift-add-title" fullWidth maxWidth="lg">
      <DialogTitle id="gift-add-title">{translate('soquy.gifts.add.title', { name: campaign.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('soquy.gifts.add.help')}</DialogContentText>
        <ChildPicker
          basics={{ fundId: String(campaign.fundId), giftDate: campaign.giftDate, form: campaign.form, amountPerChild: campaign.amountPerChild }}
          campaignId={String(campaign.id)}
          initialCriteria={{ unitIds: campaign.unitIds.map(String), circumstances: campaign.circumstances, maxAge: campaign.maxAge }}
          onChange={setPicked}
        />
        {failure !== null && <GiftErrorAlert title={translate('soquy.gifts.add.failed')} error={failure} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" disabled={saving || count === 0} onClick={() => void add()}>
          {translate('soquy.gifts.add.confirm', { count: formatWholeNumber(count), total: formatMoney(count * campaign.amountPerChild) })}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** "Thêm trẻ em": a new batch of children for the campaign (addGiftRecipients), for those with GiftWrite. */
export const AddChildrenButton = () => {
  const campaign = useRecordContext<GiftCampaign>();
  const { canAccess } = useCanAccess({ resource: 'GiftCampaign', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!campaign || !canAccess) return null;
  return (
    <>
      <RaButton label="soquy.gifts.add.button" onClick={() => setOpen(true)}>
        <GroupAddIcon />
      </RaButton>
      {open && <AddChildrenDialog campaign={campaign} onClose={() => setOpen(false)} />}
    </>
  );
};
