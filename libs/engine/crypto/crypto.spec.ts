import { describe, expect, it } from '@jest/globals';
import { PiiCipher } from './pii-cipher';
import { isResidentIdNumber, residentIdCheckChar } from './resident-id';
import { mask } from './masking';

describe('PiiCipher', () => {
  const cipher = new PiiCipher('a'.repeat(40));

  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('张三');
    const b = cipher.encrypt('张三');
    expect(a).not.toBe(b);
    expect(a).not.toContain('张三');
    expect(cipher.decrypt(a)).toBe('张三');
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const sealed = cipher.encrypt('13812345678');
    const parts = sealed.split('.');
    const flipped = parts[3][0] === 'A' ? 'B' : 'A';
    expect(() => cipher.decrypt([...parts.slice(0, 3), flipped + parts[3].slice(1)].join('.'))).toThrow();
    expect(() => new PiiCipher('b'.repeat(40)).decrypt(sealed)).toThrow();
  });

  it('matches the same person whatever the spacing or case, and keys differ per secret', () => {
    expect(cipher.matchKey('11010519491231002x')).toBe(cipher.matchKey(' 11010519491231002X '));
    expect(cipher.matchKey('a')).not.toBe(new PiiCipher('b'.repeat(40)).matchKey('a'));
  });
});

describe('isResidentIdNumber', () => {
  it('accepts valid numbers (GB 11643 check character, real birth date)', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    const first17 = '44030419900307123';
    expect(isResidentIdNumber(first17 + residentIdCheckChar(first17))).toBe(true);
  });

  it('rejects a wrong check character, an impossible date and a wrong length', () => {
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    const bad = '44030419900230123';
    expect(isResidentIdNumber(bad + residentIdCheckChar(bad))).toBe(false);
    expect(isResidentIdNumber('1101051949123100')).toBe(false);
  });
});

describe('mask', () => {
  it('keeps enough to tell records apart', () => {
    expect(mask.name('张三丰')).toBe('张**');
    expect(mask.idNumber('11010519491231002X')).toBe('110***********002X');
    expect(mask.phone('13812345678')).toBe('138****5678');
    expect(mask.address('北京市东城区某街道1号')).toBe('北京市东城***'); // 11 characters: at most half shown
    expect(mask.address('北京市东城区某街道某小区3号楼')).toBe('北京市东城区***');
  });
  it('never tells the length, nor shows a short address whole (issue 12 item 8)', () => {
    expect(mask.name('欧阳娜娜')).toBe('欧**');
    expect(mask.name('张')).toBe('***');
    expect(mask.idNumber('110105491231002')).toBe('110***********1002');
    expect(mask.idNumber('110105491231002')).toHaveLength(mask.idNumber('11010519491231002X').length);
    expect(mask.phone('0105551234')).toBe('010****1234');
    expect(mask.phone('0105551234')).toHaveLength(mask.phone('13812345678').length);
    expect(mask.address('机密街1号')).toBe('机密***');
    expect(mask.address('机密街1号')).not.toContain('1号');
    expect(mask.address('某')).toBe('***');
  });
});
