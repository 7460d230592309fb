import { describe, expect, it, jest } from '@jest/globals';
import { PiiCipher } from '@engine/crypto';
import type { CasePetitioner } from '../case-petitioner.entity';
import { presentPetitioner } from './petitioner.model';

describe('presentPetitioner', () => {
  const cipher = new PiiCipher('k'.repeat(40));
  const row = {
    position: 1,
    organiser: false,
    nameEnc: cipher.encrypt('张三丰'),
    idNumberEnc: cipher.encrypt('11010519491231002X'),
    phoneEnc: cipher.encrypt('13812345678'),
    addressEnc: null,
  } as CasePetitioner;

  it('decrypts nothing when no personal field is read, and still says whether one is masked', () => {
    const decrypt = jest.spyOn(cipher, 'decrypt');
    const p = presentPetitioner(cipher, row, new Set(['name']));
    expect(p.masked).toBe(true);
    expect(p.position).toBe(1);
    expect(decrypt).not.toHaveBeenCalled();
    decrypt.mockRestore();
  });

  it('decrypts a field once, on its first read, in full where granted and masked elsewhere', () => {
    const decrypt = jest.spyOn(cipher, 'decrypt');
    const p = presentPetitioner(cipher, row, new Set(['name']));
    expect(p.name).toBe('张三丰');
    expect(p.name).toBe('张三丰');
    expect(decrypt).toHaveBeenCalledTimes(1);
    expect(p.phone).toBe('138****5678');
    expect(p.address).toBeNull();
    expect(decrypt).toHaveBeenCalledTimes(2);
    decrypt.mockRestore();
  });

  it('is unmasked when every present field is granted (an absent field masks nothing)', () => {
    const p = presentPetitioner(cipher, row, new Set(['name', 'idNumber', 'phone']));
    expect(p.masked).toBe(false);
    expect(JSON.parse(JSON.stringify(p))).toEqual({
      position: 1,
      organiser: false,
      masked: false,
      name: '张三丰',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      address: null,
    });
  });
});
