import { describe, it, expect } from 'vitest';
import { checkIdNumber, checkPhone, idCheckDigit, maskIdNumber, maskPersonalNumbers, maskPhone } from './id-number.ts';

const EXAMPLE = '11010519491231002X';
const TODAY = new Date('2024-06-01T12:00:00+08:00');

// Builds a number with a correct check digit, so a refusal can only come from the date.
function withBirthDate(yyyymmdd: string): string {
  const first17 = `110105${yyyymmdd}002`;
  return first17 + idCheckDigit(first17);
}

describe('checkIdNumber', () => {
  it('accepts the published example and reads birth date, gender and region', () => {
    expect(checkIdNumber(EXAMPLE, TODAY)).toEqual({
      ok: true,
      value: EXAMPLE,
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('reads an odd sequence digit as male', () => {
    const first17 = '11010519800101001';
    const result = checkIdNumber(first17 + idCheckDigit(first17), TODAY);
    expect(result).toMatchObject({ ok: true, gender: 'male', birthDate: '1980-01-01' });
  });

  it('rejects an ID number whose check digit is wrong', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('accepts a lowercase x and surrounding spaces, normalising to upper case', () => {
    expect(checkIdNumber('  11010519491231002x ', TODAY)).toMatchObject({ ok: true, value: EXAMPLE });
  });

  it('rejects month 13', () => {
    expect(checkIdNumber(withBirthDate('19491331'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('rejects 29 February in a non-leap year but accepts it in a leap year', () => {
    expect(checkIdNumber(withBirthDate('19010229'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(checkIdNumber(withBirthDate('20000229'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('rejects a birth date after today or before 1900', () => {
    expect(checkIdNumber(withBirthDate('20240602'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(checkIdNumber(withBirthDate('18991231'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(checkIdNumber(withBirthDate('20240601'), TODAY)).toMatchObject({ ok: true });
  });

  it('judges "today" by Beijing time, not the server clock zone', () => {
    // 2024-06-01T17:00Z is already 2 June in Beijing.
    const lateUtc = new Date('2024-06-01T17:00:00Z');
    expect(checkIdNumber(withBirthDate('20240602'), lateUtc)).toMatchObject({ ok: true });
  });

  it('rejects a wrong length, letters in the body or a region starting with 0 or 9 as format', () => {
    for (const bad of ['11010519491231002', '11010519491231002X1', '1101051949123100AX', '01010519491231002X', '91010519491231002X', '']) {
      expect(checkIdNumber(bad, TODAY)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('maskIdNumber', () => {
  it('shows the first 3 and last 4 characters only', () => {
    expect(maskIdNumber(EXAMPLE)).toBe('110***********002X');
  });

  it('hides a value too short to mask partially', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('checkPhone', () => {
  it('accepts a mainland mobile written with spaces, hyphens or a country prefix', () => {
    for (const input of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '008613812345678']) {
      expect(checkPhone(input)).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('rejects numbers that are not mainland mobiles', () => {
    for (const input of ['12812345678', '1381234567', '138123456789', '010-12345678', '+85213812345678', 'abc']) {
      expect(checkPhone(input)).toEqual({ ok: false });
    }
  });
});

describe('maskPhone', () => {
  it('shows the first 3 and last 4 digits only', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('maskPersonalNumbers', () => {
  it('masks ID numbers and phones wherever they stand in a URL or a text', () => {
    expect(maskPersonalNumbers(`/api/users?q=${EXAMPLE}&page=2`)).toBe('/api/users?q=110***********002X&page=2');
    expect(maskPersonalNumbers('/api/users?q=11010519491231002x')).toBe('/api/users?q=110***********002X');
    expect(maskPersonalNumbers('/api/users/export?q=13812345678&lang=en')).toBe('/api/users/export?q=138****5678&lang=en');
    expect(maskPersonalNumbers('q=138+1234+5678')).toBe('q=138****5678');
    expect(maskPersonalNumbers('q=138%201234%205678')).toBe('q=138****5678');
    expect(maskPersonalNumbers('q=138-1234-5678')).toBe('q=138****5678');
    expect(maskPersonalNumbers('q=%2B8613812345678')).toBe('q=%2B861******5678');
    expect(maskPersonalNumbers('号码 110105194912310021 无效')).toBe('号码 110***********0021 无效');
  });

  it('leaves dates, page sizes, org codes and ULIDs alone', () => {
    const plain = '/api/orgs?q=GB130102&from=2024-06-01&to=2024-12-31&pageSize=500&id=01M90X85WHJXM7TC79RDPTC6W6';
    expect(maskPersonalNumbers(plain)).toBe(plain);
  });
});
