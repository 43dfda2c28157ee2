/** Outlet-name normalisation shared by the resolver and the popup (no PSL, no data). */

/** Lower-case, strip accents, a leading "the", punctuation and spaces: 'The Japan Times' → 'japantimes'. */
export function normalizeName(name: string): string {
  if (typeof name !== 'string' || name.length > 300) return '';
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*the\s+/, '')
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
