import { createHash } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { logger } from '../../common/logger';
import type { Orm } from '../../database/orm';
import { ANONYMOUS_NAME } from '../donors/donor.service';
import { publicCampaignPage, publishedCampaigns, PUBLIC_PAGE_SIZE, type PublicCampaign, type PublicDonation } from './campaign.public';

/**
 * The public transparency pages of published campaigns, served as HTML by Express without sign-in
 * (the console needs it; these pages must not): GET /public/campaigns, /public/campaigns/<slug>
 * and /public/campaigns/<slug>.json. Vietnamese by default, `?lang=en` in English. Every string is
 * HTML-escaped; no script runs (the Content-Security-Policy allows none); an unknown and an
 * unpublished slug answer the same 404.
 */

type Lang = 'vi' | 'en';

const messages = {
  vi: {
    listTitle: 'Các đợt vận động công khai',
    listIntro: 'Các khoản ủng hộ đã nhận của những đợt vận động mà quỹ công khai.',
    noCampaigns: 'Chưa có đợt vận động nào được công khai.',
    campaign: 'Đợt vận động',
    fund: 'Quỹ',
    unit: 'Đơn vị',
    period: 'Thời gian',
    target: 'Mục tiêu',
    received: 'Đã nhận',
    inKindPart: 'trong đó hiện vật',
    progress: 'Tiến độ',
    donationCount: 'Số lượt ủng hộ',
    donations: 'Danh sách ủng hộ (mới nhất trước)',
    date: 'Ngày',
    donor: 'Người ủng hộ',
    amount: 'Số tiền',
    inKind: 'hiện vật',
    anonymous: ANONYMOUS_NAME,
    noDonations: 'Chưa có khoản ủng hộ nào.',
    page: 'Trang {page}/{count}',
    previous: '‹ Trang trước',
    next: 'Trang sau ›',
    back: '‹ Các đợt vận động công khai',
    notFoundTitle: 'Không tìm thấy trang',
    notFound: 'Không có đợt vận động công khai nào ở địa chỉ này.',
    badRequestTitle: 'Yêu cầu không hợp lệ',
    badRequest: 'Số trang phải là một số nguyên dương.',
    errorTitle: 'Có lỗi xảy ra',
    error: 'Trang tạm thời không hiển thị được. Vui lòng thử lại sau.',
    other: 'English',
  },
  en: {
    listTitle: 'Public fund-raising campaigns',
    listIntro: 'The donations received by the campaigns the funds have made public.',
    noCampaigns: 'No campaign has been made public yet.',
    campaign: 'Campaign',
    fund: 'Fund',
    unit: 'Unit',
    period: 'Period',
    target: 'Target',
    received: 'Received',
    inKindPart: 'of which in kind',
    progress: 'Progress',
    donationCount: 'Donations',
    donations: 'Donations (newest first)',
    date: 'Date',
    donor: 'Donor',
    amount: 'Amount',
    inKind: 'in kind',
    anonymous: 'Anonymous donor',
    noDonations: 'No donation yet.',
    page: 'Page {page} of {count}',
    previous: '‹ Previous page',
    next: 'Next page ›',
    back: '‹ Public campaigns',
    notFoundTitle: 'Page not found',
    notFound: 'There is no public campaign at this address.',
    badRequestTitle: 'Bad request',
    badRequest: 'The page number must be a positive whole number.',
    errorTitle: 'Something went wrong',
    error: 'The page cannot be shown at the moment. Please try again later.',
    other: 'Tiếng Việt',
  },
} as const;

type Messages = (typeof messages)[Lang];

const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1f2933;background:#f7f7f5}',
  'main{max-width:960px;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}',
  'nav{display:flex;justify-content:space-between;gap:1rem;font-size:.95rem}',
  'a{color:#0b5394}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.25rem;margin:0}dt{color:#52606d}dd{margin:0}',
  'table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:.45rem .6rem;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}',
  'th{background:#eef2f5;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}',
  '.muted{color:#52606d}.bar{display:inline-block;width:8rem;height:.6rem;background:#e4e7eb;border-radius:.3rem;overflow:hidden;vertical-align:middle;margin-right:.4rem}',
  '.bar span{display:block;height:100%;background:#2f855a}',
  '.w0{width:0}',
  ...Array.from({ length: 20 }, (_, i) => `.w${(i + 1) * 5}{width:${(i + 1) * 5}%}`),
].join('');

/** The only style the pages use, allowed by its hash: no inline style attributes, no scripts. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Short: a campaign's page follows new donations within a minute; the same for 404s (no difference in headers). */
const CACHE_CONTROL = 'public, max-age=60';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

function groupDigits(amount: number, separator: string): string {
  const digits = String(Math.abs(amount));
  return (amount < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function money(amount: number, lang: Lang): string {
  return lang === 'vi' ? `${groupDigits(amount, '.')}\u00a0₫` : `${groupDigits(amount, ',')}\u00a0VND`;
}

function date(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : iso;
}

const period = (c: PublicCampaign, lang: Lang) => `${date(c.startsOn, lang)} – ${date(c.endsOn, lang)}`;

function langOf(req: Request): Lang {
  return req.query.lang === 'en' ? 'en' : 'vi';
}

function withLang(path: string, lang: Lang, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...query, ...(lang === 'en' ? { lang } : {}) }).toString();
  return params ? `${path}?${params}` : path;
}

function progressBar(percent: number): string {
  const width = Math.min(100, Math.floor(Math.max(0, percent) / 5) * 5);
  return `<span class="bar"><span class="w${width}"></span></span>${percent}%`;
}

function layout(lang: Lang, title: string, body: string, otherLangHref: string): string {
  const t = messages[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noarchive">
<title>${escapeHtml(title)} – Sổ Quỹ</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<nav><span class="muted">Sổ Quỹ</span><a href="${escapeHtml(otherLangHref)}" hreflang="${lang === 'vi' ? 'en' : 'vi'}">${escapeHtml(t.other)}</a></nav>
${body}
</main>
</body>
</html>
`;
}

function listPage(campaigns: PublicCampaign[], lang: Lang): string {
  const t = messages[lang];
  const rows = campaigns
    .map(
      (c) => `<tr>
<td><a href="${escapeHtml(withLang(`/public/campaigns/${encodeURIComponent(c.slug)}`, lang))}">${escapeHtml(c.name)}</a></td>
<td>${escapeHtml(c.fund)}</td>
<td>${escapeHtml(period(c, lang))}</td>
<td class="num">${escapeHtml(money(c.target, lang))}</td>
<td class="num">${escapeHtml(money(c.received, lang))}</td>
<td class="num">${progressBar(c.progressPercent)}</td>
</tr>`,
    )
    .join('\n');
  const table = campaigns.length
    ? `<table>
<thead><tr><th>${t.campaign}</th><th>${t.fund}</th><th>${t.period}</th><th class="num">${t.target}</th><th class="num">${t.received}</th><th class="num">${t.progress}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p class="muted">${escapeHtml(t.noCampaigns)}</p>`;
  return layout(lang, t.listTitle, `<h1>${escapeHtml(t.listTitle)}</h1>\n<p class="muted">${escapeHtml(t.listIntro)}</p>\n${table}`, withLang('/public/campaigns', lang === 'vi' ? 'en' : 'vi'));
}

function donationRow(d: PublicDonation, t: Messages, lang: Lang): string {
  const name = d.donorName === null ? `<span class="muted">${escapeHtml(t.anonymous)}</span>` : escapeHtml(d.donorName);
  const amount = escapeHtml(money(d.amount, lang)) + (d.inKind ? ` <span class="muted">(${escapeHtml(t.inKind)})</span>` : '');
  return `<tr><td>${escapeHtml(date(d.receivedOn, lang))}</td><td>${name}</td><td class="num">${amount}</td></tr>`;
}

function campaignPage(data: NonNullable<Awaited<ReturnType<typeof publicCampaignPage>>>, lang: Lang): string {
  const t = messages[lang];
  const { campaign: c, donations, page, pageCount } = data;
  const self = `/public/campaigns/${encodeURIComponent(c.slug)}`;
  const pageLink = (p: number) => withLang(self, lang, p > 1 ? { page: String(p) } : {});
  const received = escapeHtml(money(c.received, lang)) + (c.inKindReceived ? ` <span class="muted">(${escapeHtml(t.inKindPart)} ${escapeHtml(money(c.inKindReceived, lang))})</span>` : '');
  const facts = `<dl>
<dt>${t.fund}</dt><dd>${escapeHtml(c.fund)}</dd>
<dt>${t.unit}</dt><dd>${escapeHtml(c.unit)}</dd>
<dt>${t.period}</dt><dd>${escapeHtml(period(c, lang))}</dd>
<dt>${t.target}</dt><dd data-testid="public-target">${escapeHtml(money(c.target, lang))}</dd>
<dt>${t.received}</dt><dd data-testid="public-received">${received}</dd>
<dt>${t.progress}</dt><dd>${progressBar(c.progressPercent)}</dd>
<dt>${t.donationCount}</dt><dd data-testid="public-count">${c.donationCount}</dd>
</dl>`;
  const table = donations.length
    ? `<table>
<thead><tr><th>${t.date}</th><th>${t.donor}</th><th class="num">${t.amount}</th></tr></thead>
<tbody>
${donations.map((d) => donationRow(d, t, lang)).join('\n')}
</tbody>
</table>`
    : `<p class="muted">${escapeHtml(t.noDonations)}</p>`;
  const pager =
    pageCount > 1
      ? `<nav aria-label="pages">${page > 1 ? `<a href="${escapeHtml(pageLink(page - 1))}" rel="prev">${escapeHtml(t.previous)}</a>` : '<span></span>'}<span>${escapeHtml(
          t.page.replace('{page}', String(page)).replace('{count}', String(pageCount)),
        )}</span>${page < pageCount ? `<a href="${escapeHtml(pageLink(page + 1))}" rel="next">${escapeHtml(t.next)}</a>` : '<span></span>'}</nav>`
      : '';
  const body = `<p><a href="${escapeHtml(withLang('/public/campaigns', lang))}">${escapeHtml(t.back)}</a></p>
<h1>${escapeHtml(c.name)}</h1>
${facts}
<h2>${escapeHtml(t.donations)}</h2>
${table}
${pager}`;
  return layout(lang, c.name, body, withLang(self, lang === 'vi' ? 'en' : 'vi', page > 1 ? { page: String(page) } : {}));
}

function send(res: Response, status: number, type: 'html' | 'json', body: string): void {
  res.status(status);
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Cache-Control', CACHE_CONTROL);
  res.type(type).send(body);
}

function messagePage(res: Response, status: number, lang: Lang, json: boolean, title: string, text: string, otherHref: string): void {
  if (json) return send(res, status, 'json', JSON.stringify({ error: text }));
  send(res, status, 'html', layout(lang, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n<p><a href="${escapeHtml(withLang('/public/campaigns', lang))}">${escapeHtml(messages[lang].back)}</a></p>`, otherHref));
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PAGE = /^[1-9]\d{0,5}$/;

/** The router of /public: read-only, no sign-in, nothing but published campaigns. */
export function publicPages(orm: Orm): express.Router {
  const router = express.Router();

  router.get('/campaigns', async (req, res) => {
    const lang = langOf(req);
    try {
      send(res, 200, 'html', listPage(await publishedCampaigns(orm.em.fork()), lang));
    } catch (error) {
      logger.error('public campaign list failed', { message: (error as Error).message });
      messagePage(res, 500, lang, false, messages[lang].errorTitle, messages[lang].error, withLang('/public/campaigns', lang === 'vi' ? 'en' : 'vi'));
    }
  });

  router.get('/campaigns/:slug', async (req, res) => {
    const lang = langOf(req);
    const raw = req.params.slug;
    const json = raw.endsWith('.json');
    const slug = json ? raw.slice(0, -'.json'.length) : raw;
    const t = messages[lang];
    // The same answer for a slug that cannot exist, an unknown one and an unpublished one.
    const notFoundHref = withLang('/public/campaigns', lang === 'vi' ? 'en' : 'vi');
    const notFound = () => messagePage(res, 404, lang, json, t.notFoundTitle, t.notFound, notFoundHref);
    if (!SLUG.test(slug) || slug.length > 120) return notFound();
    const pageParam = req.query.page;
    if (pageParam !== undefined && (typeof pageParam !== 'string' || !PAGE.test(pageParam))) {
      return messagePage(res, 400, lang, json, t.badRequestTitle, t.badRequest, notFoundHref);
    }
    const page = pageParam ? Number(pageParam) : 1;
    try {
      const data = await publicCampaignPage(orm.em.fork(), slug, page);
      if (!data) return notFound();
      if (!json) return send(res, 200, 'html', campaignPage(data, lang));
      const anonymous = messages[lang].anonymous;
      send(
        res,
        200,
        'json',
        JSON.stringify({
          campaign: data.campaign,
          page: data.page,
          pageCount: data.pageCount,
          perPage: PUBLIC_PAGE_SIZE,
          donations: data.donations.map((d) => ({ receivedOn: d.receivedOn, donorName: d.donorName ?? anonymous, anonymous: d.donorName === null, amount: d.amount, inKind: d.inKind })),
        }),
      );
    } catch (error) {
      logger.error('public campaign page failed', { message: (error as Error).message });
      messagePage(res, 500, lang, json, t.errorTitle, t.error, notFoundHref);
    }
  });

  return router;
}
