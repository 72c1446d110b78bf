import { describe, expect, it } from 'vitest';
import { normaliseCategory, normaliseEmail, normaliseText, normaliseVatId } from './text';

describe('text', () => {
  it('is NFC with whitespace collapsed; numbers become text; empty or other types are invalid', () => {
    expect(normaliseText('  Boutique  Lumie\u0300re\tSARL ')).toBe('Boutique Lumière SARL');
    expect(normaliseText(58231)).toBe('58231');
    expect(() => normaliseText('   ')).toThrow('empty text');
    expect(() => normaliseText({})).toThrow('expected text, got an object');
  });
});

describe('emails', () => {
  it('are trimmed, stripped of spaces typed inside and lower-cased', () => {
    expect(normaliseEmail('  Jane .Doe@Example.co.uk ')).toBe('jane.doe@example.co.uk');
  });

  it.each(['jane.doe', 'jane@localhost', 'jane@@example.com', 'jane@example.c'])('rejects %s', (email) => {
    expect(() => normaliseEmail(email)).toThrow('not an email address');
  });
});

describe('categories', () => {
  it('become a lower-case path with / between levels', () => {
    expect(['Bags/Handbags', 'Shoes > Running', ' Accessories / Socks '].map(normaliseCategory)).toEqual([
      'bags/handbags',
      'shoes/running',
      'accessories/socks',
    ]);
  });
});

describe('VAT ids', () => {
  it('are upper case without spaces or punctuation, keeping the country prefix', () => {
    expect(normaliseVatId('FR 40 303 265 045')).toBe('FR40303265045');
    expect(normaliseVatId('de-123.456.789')).toBe('DE123456789');
    expect(() => normaliseVatId('40303265045')).toThrow('not a VAT id with its two-letter country prefix');
  });
});
