/**
 * Feed dates → ISO 8601 UTC ('' when unreadable). RFC 822/1123 (RSS `pubDate`, with the zone names
 * and the sloppy variants seen in the wild), ISO 8601 / RFC 3339 (Atom, JSON Feed, `dc:date`), and
 * GDELT's `YYYYMMDDTHHMMSSZ`. Years outside 1970–2100 are rejected.
 */

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

// prettier-ignore
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7,
  bst: 1, cet: 1, cest: 2, eet: 2, eest: 3, ist: 5.5, jst: 9, kst: 9, aest: 10, aedt: 11,
};

function iso(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return y >= 1970 && y <= 2100 ? d.toISOString() : '';
}

function zoneOffsetMinutes(z: string | undefined): number | null {
  if (!z) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const named = ZONES[z.toLowerCase()];
  return named === undefined ? null : named * 60;
}

function fromParts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offMin: number,
): string {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return '';
  return iso(Date.UTC(y, mo, d, h, mi, s) - offMin * 60_000);
}

const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})Z?)?$/i;

/** Parse a feed date; returns ISO UTC or ''. Never throws. */
export function parseFeedDate(raw: string | undefined | null): string {
  if (typeof raw !== 'string') return '';
  const s = raw.trim().slice(0, 80);
  if (!s) return '';
  let m = ISO.exec(s);
  if (m) {
    const off = zoneOffsetMinutes(m[7]?.toUpperCase() === 'Z' ? undefined : m[7]);
    if (off === null) return '';
    return fromParts(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off);
  }
  m = COMPACT.exec(s);
  if (m) return fromParts(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0);
  m = RFC822.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (mo === undefined) return '';
    let y = +m[3]!;
    if (m[3]!.length === 2) y += y < 70 ? 2000 : 1900;
    const off = zoneOffsetMinutes(m[7]) ?? 0; // unknown zone names: read as UTC
    return fromParts(y, mo, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off);
  }
  return '';
}

/** Whole days from a to b (ISO strings); NaN when either is missing. */
export function daysBetween(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return (tb - ta) / 86_400_000;
}
