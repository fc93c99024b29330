/**
 * Folding of Vietnamese text for search without diacritics: "Hải Hậu" and "hai hau" match.
 * The same folding runs in PostgreSQL as the immutable function `vi_fold(text)` (created by a
 * migration from `viFoldSql()`), so generated search columns and query arguments agree.
 */
const lowerVowels: Record<string, string> = {
  a: 'àáảãạăằắẳẵặâầấẩẫậ',
  e: 'èéẻẽẹêềếểễệ',
  i: 'ìíỉĩị',
  o: 'òóỏõọôồốổỗộơờớởỡợ',
  u: 'ùúủũụưừứửữự',
  y: 'ỳýỷỹỵ',
  d: 'đ',
};

function translationTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const [plain, marked] of Object.entries(lowerVowels)) {
    for (const ch of marked) {
      from += ch + ch.toUpperCase();
      to += plain + plain;
    }
  }
  return { from, to };
}

const table = translationTable();
const map = new Map<string, string>([...table.from].map((ch, i) => [ch, table.to[i]!]));

/** Lower-cases and removes Vietnamese diacritics; collapses runs of white space. */
export function viFold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += map.get(ch) ?? ch;
  return out.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The SQL that creates `vi_fold(text)`, kept beside the JavaScript folding it mirrors. */
export function viFoldSql(): string {
  return (
    `create or replace function vi_fold(input text) returns text language sql immutable parallel safe strict as $$ ` +
    `select btrim(regexp_replace(lower(translate(input, '${table.from}', '${table.to}')), '\\s+', ' ', 'g')) $$;`
  );
}

/**
 * A URL-safe ASCII slug of Vietnamese text: "Vận động Quỹ Đền ơn đáp nghĩa" gives
 * "van-dong-quy-den-on-dap-nghia"; at most `maxLength` characters, cut at a hyphen.
 */
export function slugify(text: string, maxLength = 80): string {
  const ascii = viFold(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : ascii.slice(0, maxLength)).replace(/-+$/g, '');
}
