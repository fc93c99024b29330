/**
 * The 12-digit citizen ID (căn cước công dân, Circular 07/2016/TT-BCA as amended): 3 digits of the
 * province of birth registration, 1 digit of century and sex, 2 digits of the birth year, then 6
 * random digits. Returns why an ID is not valid, or null.
 */
const provinceCodes = new Set(
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(' '),
);

export function citizenIdProblem(id: string, today: Date = new Date()): string | null {
  if (!/^\d{12}$/.test(id)) return 'a citizen ID (CCCD) has exactly 12 digits';
  if (!provinceCodes.has(id.slice(0, 3))) return `${id.slice(0, 3)} is not a province code: the first 3 digits of a CCCD name the province of birth registration`;
  const centuryDigit = Number(id[3]);
  if (centuryDigit > 9) return 'the 4th digit of a CCCD gives the century and sex';
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const year = century + Number(id.slice(4, 6));
  if (year > today.getUTCFullYear()) return `the birth year ${year} encoded in digits 4–6 is in the future`;
  return null;
}

/** "036085001234" → "036*******34": enough to tell records apart, not to identify a person. */
export function maskCitizenId(id: string): string {
  return id.length === 12 ? `${id.slice(0, 3)}${'*'.repeat(7)}${id.slice(10)}` : '*'.repeat(id.length);
}
