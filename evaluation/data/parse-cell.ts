/**
 * Strict parsers for single text cells, shared by type inference and by table building so that a column is
 * inferred numeric exactly when every cell would parse as a number.
 */

// Decimal or scientific notation only: no hex, no thousands separators, no "Infinity", no trailing text.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a text cell holds, or NaN. `" 3.5 "` → 3.5; `"3,5"`, `"0x10"`, `"1e"` → NaN. */
export function parseNumberCell(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : Number.NaN;
}

const TRUE_WORDS = new Set(["true"]);
const FALSE_WORDS = new Set(["false"]);
// Accepted only when metadata says the column is boolean: too ambiguous to infer from (a "yes"/"no" survey
// answer may have a third option in the holdout).
const TRUE_WORDS_FORCED = new Set(["true", "t", "yes", "y", "1"]);
const FALSE_WORDS_FORCED = new Set(["false", "f", "no", "n", "0"]);

/** 1, 0, or NaN. Inference accepts only true/false (any case); `forced` also accepts t/f, yes/no, y/n, 1/0. */
export function parseBooleanCell(text: string, forced = false): number {
  const t = text.trim().toLowerCase();
  if ((forced ? TRUE_WORDS_FORCED : TRUE_WORDS).has(t)) return 1;
  if ((forced ? FALSE_WORDS_FORCED : FALSE_WORDS).has(t)) return 0;
  return Number.NaN;
}

// ISO 8601 calendar date with optional time and zone: 2024-03-01, 2024-03-01T08:30, 2024-03-01 08:30:15.250Z.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time, or NaN. A time without a zone is read as UTC, never as the
 * machine's local time, so results do not depend on TZ.
 */
export function parseDateCell(text: string): number {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0").slice(0, 3)));
  // Date.UTC rolls 2023-02-30 over to March; reject instead of silently shifting.
  if (new Date(ms).getUTCDate() !== day) return Number.NaN;
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return ms;
}
