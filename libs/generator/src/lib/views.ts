// What one source holds about a person: the name as that system got it (short form, typo,
// swapped, transliterated, in capitals), the phone as somebody wrote it, the address lines in
// that system's layout. Decided once per source record, so a record is consistent with itself.
import { e164, writePhone, type Market, type Phone, type PhoneStyle } from './markets';
import { asciiFold, plainRomaji, romajiVariant, shortFormsOf } from './names';
import { abbreviate, caseAndSpacing, caseStyle, typo, type NoiseRates } from './noise';
import type { Address, Person } from './population';
import type { Random } from './random';

export interface HeldName {
  readonly given: string;
  readonly family: string;
}

/** The script a source writes names in: JP web shops and marketing ask for Latin letters. */
export type Script = 'native' | 'latin';

/** A person's name as one source record holds it. */
export function heldName(person: Person, script: Script, noise: NoiseRates, r: Random): HeldName {
  const jp = person.market.nameScript === 'kanji';
  let given: string;
  let family: string;
  if (jp && script === 'latin') {
    // Romaji: passport spelling, or the long vowel spelt out (Satou, Satoh).
    const variant = r.chance(noise.transliteration);
    const useH = r.chance(0.5);
    given = (variant && romajiVariant(person.givenLatin, useH)) || plainRomaji(person.givenLatin);
    family = (variant && romajiVariant(person.familyLatin, useH)) || plainRomaji(person.familyLatin);
  } else if (jp) {
    // Kanji where kanji are usual, unless the record was keyed in romaji.
    const romaji = r.chance(noise.transliteration);
    given = romaji ? plainRomaji(person.givenLatin) : person.given;
    family = romaji ? plainRomaji(person.familyLatin) : person.family;
  } else {
    const fold = r.chance(noise.transliteration);
    given = fold ? asciiFold(person.given) : person.given;
    family = fold ? asciiFold(person.family) : person.family;
  }
  if (r.chance(noise.nickname)) {
    const short = shortFormsOf(person.market.country, person.given);
    if (short.length > 0) given = r.pick(short);
  }
  if (r.chance(noise.nameTypo)) {
    if (r.chance(0.5)) given = typo(given, r);
    else family = typo(family, r);
  }
  if (r.chance(noise.swappedNames)) [given, family] = [family, given];
  if (r.chance(noise.nameCaseAndSpacing)) {
    const style = caseStyle(r);
    if (r.chance(0.5)) given = caseAndSpacing(given, style);
    family = caseAndSpacing(family, style);
  }
  return { given, family };
}

/** One string, as a service desk or a wholesale system keeps it: 'Jane Doe', '山田 太郎' (family first in kanji). */
export function fullName(name: HeldName, market: Market): string {
  const kanji = /[\u3040-\u30ff\u4e00-\u9fff]/.test(name.family + name.given);
  return market.nameScript === 'kanji' && kanji ? `${name.family} ${name.given}` : `${name.given} ${name.family}`;
}

/** How a record writes a phone number: national with separators unless noise says otherwise. */
export function phoneStyle(noise: NoiseRates, r: Random): PhoneStyle {
  const international = r.chance(noise.phoneInternational);
  const digits = r.chance(noise.phoneDigitsOnly);
  return international ? (digits ? 'international-digits' : 'international') : digits ? 'national-digits' : 'national';
}

/**
 * The number a person gives when a form or a clerk asks for one: the mobile they carry, the
 * household's landline when they have no mobile, and now and then the landline although they have
 * one (`landlineShare`). A till asks to find the customer and people give the number in their
 * pocket, so the share is lower there than on a shop account or at the service desk.
 */
export function givenPhone(person: Person, landlineShare: number, r: Random): Phone | null {
  const landline = person.household.landline;
  if (!person.mobile) return landline;
  return landline && r.chance(landlineShare) ? landline : person.mobile;
}

/** How often a person with a mobile gives the household's landline instead: at the till, on a form. */
export const LANDLINE_AT_TILL = 0.1;
export const LANDLINE_ON_FORMS = 0.15;

export interface HeldPhone {
  readonly phone: Phone;
  readonly written: string;
  readonly e164: string;
}

export function heldPhone(market: Market, phone: Phone, noise: NoiseRates, r: Random): HeldPhone {
  return { phone, written: writePhone(market, phone, phoneStyle(noise, r)), e164: e164(market, phone) };
}

export interface HeldAddress {
  /** The street line(s); `line2` only where the source has a second line. */
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postcode: string;
  readonly country: string;
}

/** The street with its number in the market's order: 'Hauptstraße 5', '10 High Street', 'Rua X, 12'. */
function streetLine(street: string, number: string, market: Market): string {
  switch (market.addressOrder) {
    case 'street-number':
      return `${street} ${number}`;
    case 'number-street':
      return `${number} ${street}`;
    case 'street-comma-number':
      return `${street}, ${number}`;
    case 'jp':
      return street;
  }
}

/** The address as written without noise, for the ground truth. */
export function trueAddressLines(address: Address, market: Market): HeldAddress {
  return {
    line1: streetLine(address.street, address.number, market),
    line2: address.unit,
    city: address.city,
    postcode: address.postcode,
    country: address.country,
  };
}

/**
 * The address as a record holds it. `twoLines`: the source has a second line for the flat;
 * otherwise the flat goes on the first line (behind it, or in front after reordering).
 */
export function heldAddress(address: Address, market: Market, twoLines: boolean, noise: NoiseRates, r: Random): HeldAddress {
  let street = address.street;
  if (r.chance(noise.addressAbbreviation)) street = abbreviate(street, market.abbreviations);
  if (r.chance(noise.streetTypo)) {
    const words = street.split(' ');
    const longest = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
    words[longest] = typo(words[longest]!, r);
    street = words.join(' ');
  }
  let line1 = streetLine(street, address.number, market);
  let line2: string | null = null;
  if (address.unit) {
    const reorder = r.chance(noise.addressReorder);
    if (twoLines && !reorder) line2 = address.unit;
    else if (reorder && r.chance(0.5)) line1 = `${address.unit}, ${line1}`;
    else line1 = `${line1} ${address.unit}`;
  }
  let postcode = address.postcode;
  if (r.chance(noise.nameCaseAndSpacing)) {
    line1 = caseAndSpacing(line1, caseStyle(r));
    // Postcodes typed in lower case without their space ('sw1a1aa').
    if (/[A-Z]/.test(postcode)) postcode = postcode.toLowerCase().replace(' ', '');
  }
  return { line1, line2, city: address.city, postcode, country: address.country };
}
