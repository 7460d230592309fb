import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '@engine/config';

/** argon2id (the `argon2` package, the reference implementation's binding); verification reads each stored hash's own parameters, so raising the cost later is safe. */
@Injectable()
export class Passwords {
  private readonly options: { type: typeof argon2.argon2id; memoryCost: number; timeCost: number };
  /** Hash of a throwaway password: verified against when no account matches, so timing tells nothing. */
  private dummy: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.passwordHashMemoryKib,
      timeCost: config.passwordHashTimeCost,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  /** Verifies against `hash`, or against a throwaway hash when there is none (always false then). */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash) return argon2.verify(hash, password);
    await argon2.verify(await (this.dummy ??= this.hash('not-a-password')), password);
    return false;
  }
}

/** A random password for generated accounts and resets: 20 characters without look-alikes (≈ 116 bits). */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const out: string[] = [];
  while (out.length < 20) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      // Rejection sampling: no bias towards the first letters of the alphabet.
      if (b < 256 - (256 % alphabet.length) && out.length < 20) out.push(alphabet[b % alphabet.length]);
    }
  }
  return out.join('');
}
