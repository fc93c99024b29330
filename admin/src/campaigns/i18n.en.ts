/** English messages of the campaigns' public pages; i18n.vi.ts has the same keys. */
export const publicPagesEnglish = {
  soquy: {
    publicPages: {
      title: 'Public page',
      help: 'Anyone can read a published campaign’s page without signing in: its totals and its donations (date, donor name or “anonymous donor”, amount). Nothing is public until you publish it.',
      published: 'Public since %{date}',
      not_published: 'Not public',
      link: 'Open the public page',
      publish: 'Publish',
      unpublish: 'Stop publishing',
      publish_title: 'Publish the campaign “%{name}”?',
      publish_content:
        'Its page will be readable by anyone, without signing in: the campaign, its target and total, and every posted donation with its date, amount and the donor’s name as on the receipt (anonymous donors and those who asked not to be named are shown as “Nhà hảo tâm ẩn danh”).',
      unpublish_title: 'Stop publishing the campaign “%{name}”?',
      unpublish_content: 'Its public page will answer “page not found”. You can publish it again later, at the same address.',
      published_done: 'The campaign is public',
      unpublished_done: 'The campaign is no longer public',
      donation_anonymous: 'Hide the name on the public page',
      donation_anonymous_help: 'The donor asked not to be named: the campaign’s public page shows “Nhà hảo tâm ẩn danh”',
    },
  },
};

export type PublicPagesMessages = typeof publicPagesEnglish;
