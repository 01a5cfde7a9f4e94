import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's recommended parameters (OWASP-compliant defaults). */
@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    // Verify against a throwaway hash when there is no account, so timing does not reveal which e-mails exist.
    const target = hash ?? (await (this.dummyHash ??= this.hash('no-such-account-placeholder')));
    try {
      return (await argon2.verify(target, password)) && Boolean(hash);
    } catch {
      return false;
    }
  }
}
