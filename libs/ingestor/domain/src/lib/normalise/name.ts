// Personal names: display forms (Unicode NFC, whitespace collapsed, a name written all in one
// case title-cased) and match keys (transliterated to Latin, diacritics folded, letters only).
import type { PersonName } from '@c360/schemas';
import { foldToAscii } from './fold';
import { normaliseText } from './text';

/** Markets that write the family name first. */
const FAMILY_FIRST_MARKETS: ReadonlySet<string> = new Set(['JP', 'CN', 'KR', 'TW', 'HU', 'VN']);
// Han, Kana and Hangul names are written family name first whatever the market.
const EAST_ASIAN_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_START = /(^|[\s'’-])(\p{L})/gu;
const NON_LETTERS = /[^a-z]/g;

/** A name part for display: 'MARGARET ANN' → 'Margaret Ann', 'jean-luc' → 'Jean-Luc'; mixed case is kept. */
export function normaliseNamePart(value: unknown): string {
  const text = normaliseText(value);
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  if (upper === lower || (text !== upper && text !== lower)) return text;
  return lower.replace(WORD_START, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** The match key of a name part: 'Müller' and 'ＭÜLLER' → 'muller', 'Mueller' → 'mueller'; null when no letters are left. */
export function nameKey(part: string | null): string | null {
  if (part === null) return null;
  const key = foldToAscii(part).replace(NON_LETTERS, '');
  return key === '' ? null : key;
}

export interface NameParts {
  readonly given?: string;
  readonly family?: string;
  /** The source's own whole name, when it sends one. */
  readonly full?: string;
}

const familyFirst = (market: string, text: string) => FAMILY_FIRST_MARKETS.has(market) || EAST_ASIAN_SCRIPT.test(text);

/**
 * A PersonName from display-normalised parts. A whole name alone is split on its spaces by the
 * market's order (family first in JP and for Han/Kana names; else the last word is the family
 * name); one word stays unsplit. `full` keeps the source's whole name, else joins the parts in
 * the market's order.
 */
export function buildPersonName(parts: NameParts, market: string): PersonName | null {
  let given = parts.given ?? null;
  let family = parts.family ?? null;
  if (given === null && family === null && parts.full !== undefined) {
    const words = parts.full.split(' ');
    if (words.length > 1) {
      const [first, ...rest] = words as [string, ...string[]];
      if (familyFirst(market, parts.full)) [family, given] = [first, rest.join(' ')];
      else [given, family] = [words.slice(0, -1).join(' '), words[words.length - 1]!];
    }
  }
  let full = parts.full;
  if (full === undefined) {
    if (given === null || family === null) full = given ?? family ?? undefined;
    else full = familyFirst(market, given + family) ? `${family} ${given}` : `${given} ${family}`;
  }
  if (full === undefined) return null;
  return { given, family, full, givenKey: nameKey(given), familyKey: nameKey(family) };
}
