import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

describe('phone numbers', () => {
  it.each([
    ['090-1234-5678', 'JP', '+819012345678', 'MOBILE'],
    ['03-1234-5678', 'JP', '+81312345678', 'FIXED_LINE'],
    ['0151 23456789', 'DE', '+4915123456789', 'MOBILE'],
    ['030 2345678', 'DE', '+49302345678', 'FIXED_LINE'],
    ['020 7946 0321', 'GB', '+442079460321', 'FIXED_LINE'],
    ['+81 90 1234 5678', 'DE', '+819012345678', 'MOBILE'],
    ['+1 212 555 0123', 'JP', '+12125550123', 'UNKNOWN'],
  ])('%s in %s is %s (%s)', (written, market, number, lineType) => {
    expect(normalisePhone(written, market)).toEqual({ number, lineType });
  });

  it.each([
    ['12', 'DE'],
    ['0000000000', 'DE'],
    ['07700 900123', 'GB'], // Ofcom's range reserved for drama: not a real number
    ['not a phone', 'GB'],
  ])('rejects %s in %s', (written, market) => {
    expect(() => normalisePhone(written, market)).toThrow(`not a valid phone number for ${market}`);
  });
});
