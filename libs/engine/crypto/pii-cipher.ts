import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encryption of petitioners' personal data at rest (AES-256-GCM, a fresh IV per value) and keyed
 * hashes (HMAC-SHA256) for matching the same person across cases without decrypting. Both keys are
 * derived from one secret with HKDF under different labels, so a hash never reveals the cipher key.
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(secret: string) {
    if (!secret || secret.length < 32) throw new Error('the personal-data key must be at least 32 characters');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', secret, 'joint-meeting', 'pii-encryption', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', secret, 'joint-meeting', 'pii-matching', 32));
  }

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed personal-data value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain ? this.encrypt(plain) : null;
  }

  decryptOptional(sealed: string | null): string | null {
    return sealed ? this.decrypt(sealed) : null;
  }

  /** A keyed hash of normalised parts: equal people give equal keys, and the key reveals nothing. */
  /**
   * The key's check value: a keyed hash of a constant, stored once per database (deployment table) and
   * compared at start — it tells whether this is the key the stored data was sealed with, and nothing
   * about the key itself.
   */
  checkValue(): string {
    return `v1.${createHmac('sha256', this.hashKey).update('joint-meeting pii key check').digest('base64url')}`;
  }

  matchKey(...parts: string[]): string {
    const normal = parts.map((p) => p.normalize('NFKC').replace(/\s+/g, '').toUpperCase()).join('\u0000');
    return createHmac('sha256', this.hashKey).update(normal).digest('base64url');
  }
}
