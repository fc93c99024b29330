import type { EntityManager } from '@mikro-orm/postgresql';
import { slugify } from '../../common/text';

/**
 * The public address of a campaign: its name folded to URL-safe ASCII with the year it starts
 * ("van-dong-quy-den-on-dap-nghia-2026"); a name that already ends with the year keeps one.
 */
export function publicSlugBase(name: string, startsOn: string): string {
  const year = startsOn.slice(0, 4);
  const folded = slugify(name, 72) || 'dot-van-dong';
  return folded === year || folded.endsWith(`-${year}`) ? folded : `${folded}-${year}`;
}

/**
 * What the public transparency pages may show of a published campaign, read without sign-in.
 * Only these fields leave the database: no donor ids, addresses, phones, receipt numbers or users.
 * Voided donations are neither listed nor counted. Each function is one SQL statement.
 */
export interface PublicCampaign {
  slug: string;
  name: string;
  fund: string;
  unit: string;
  startsOn: string;
  endsOn: string;
  target: number;
  /** Posted donations, net of voids, in-kind gifts at their valuation. */
  received: number;
  /** The in-kind part of `received`. */
  inKindReceived: number;
  donationCount: number;
  /** received / target in whole percent (may exceed 100). */
  progressPercent: number;
}

export interface PublicDonation {
  receivedOn: string;
  /** The name as on the receipt, or null for an anonymous donor or one who asked not to be named. */
  donorName: string | null;
  amount: number;
  inKind: boolean;
}

export const PUBLIC_PAGE_SIZE = 50;

interface CampaignRow {
  id: number;
  public_slug: string;
  name: string;
  fund_name: string;
  unit_name: string;
  starts_on: string;
  ends_on: string;
  target: string;
  received: string;
  in_kind: string;
  donation_count: string;
}

const CAMPAIGN_SQL = `
  select c.id, c.public_slug, c.name, f.name as fund_name, u.name_with_type as unit_name,
         c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.target,
         coalesce(sum(d.amount), 0) as received,
         coalesce(sum(d.amount) filter (where d.method = 'IN_KIND'), 0) as in_kind,
         count(d.id) as donation_count
    from campaign c
    join fund f on f.id = c.fund_id
    join administrative_unit u on u.id = f.unit_id
    left join donation d on d.campaign_id = c.id and d.status = 'POSTED'
   where c.published_at is not null`;

function toCampaign(row: CampaignRow): PublicCampaign {
  const target = Number(row.target);
  const received = Number(row.received);
  return {
    slug: row.public_slug,
    name: row.name,
    fund: row.fund_name,
    unit: row.unit_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    target,
    received,
    inKindReceived: Number(row.in_kind),
    donationCount: Number(row.donation_count),
    progressPercent: Math.floor((received * 100) / target),
  };
}

/** The published campaigns, the running ones and the latest first (one statement). */
export async function publishedCampaigns(em: EntityManager): Promise<PublicCampaign[]> {
  const rows = await em.execute<CampaignRow[]>(`${CAMPAIGN_SQL} group by c.id, f.name, u.name_with_type order by c.ends_on desc, c.id desc`);
  return rows.map(toCampaign);
}

/**
 * A published campaign by its slug with one page of its donations, newest first (two statements);
 * null when no published campaign has that slug (unknown and unpublished look the same).
 */
export async function publicCampaignPage(
  em: EntityManager,
  slug: string,
  page: number,
): Promise<{ campaign: PublicCampaign; donations: PublicDonation[]; page: number; pageCount: number } | null> {
  const [row] = await em.execute<CampaignRow[]>(`${CAMPAIGN_SQL} and c.public_slug = ? group by c.id, f.name, u.name_with_type`, [slug]);
  if (!row) return null;
  const campaign = toCampaign(row);
  const donations = await em.execute<{ received_on: string; donor_name: string | null; amount: string; in_kind: boolean }[]>(
    `select d.received_on::text as received_on,
            case when d.public_anonymous or dn.type = 'ANONYMOUS' then null else d.donor_name end as donor_name,
            d.amount, d.method = 'IN_KIND' as in_kind
       from donation d
       left join donor dn on dn.id = d.donor_id
      where d.campaign_id = ? and d.status = 'POSTED'
      order by d.received_on desc, d.id desc
      limit ? offset ?`,
    [row.id, PUBLIC_PAGE_SIZE, (page - 1) * PUBLIC_PAGE_SIZE],
  );
  return {
    campaign,
    donations: donations.map((d) => ({ receivedOn: d.received_on, donorName: d.donor_name, amount: Number(d.amount), inKind: d.in_kind })),
    page,
    pageCount: Math.max(1, Math.ceil(campaign.donationCount / PUBLIC_PAGE_SIZE)),
  };
}
