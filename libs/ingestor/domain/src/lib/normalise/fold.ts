// Folding to Latin ASCII for match keys: any script transliterated (any-ascii), diacritics gone,
// full-width forms folded, lower case.
import anyAscii from 'any-ascii';

/** The text transliterated to Latin ASCII and lower-cased: 'ＭÜLLER' → 'muller', 'Straße' → 'strasse'. */
export function foldToAscii(text: string): string {
  return anyAscii(text.normalize('NFC')).toLowerCase();
}
