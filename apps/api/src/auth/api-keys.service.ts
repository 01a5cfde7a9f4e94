import { Injectable } from '@nestjs/common';
import type { ApiKey, CreatedApiKey } from '@wk/contracts';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKeyContext, AuthContext } from './authenticated.decorator';
import { CredentialIssuer } from './issued-credentials';

/** Organisation API keys for systems such as a CRM (`wk_…`, shown once). */
@Injectable()
export class ApiKeysService extends CredentialIssuer {
  constructor(keys: ApiKeysRepository) {
    super(keys, { prefix: 'wk_', shownLength: 10, label: 'API key' });
  }

  list(auth: AuthContext): Promise<ApiKey[]> {
    return this.listOf(auth.organisationId);
  }

  async create(auth: AuthContext, name: string): Promise<CreatedApiKey> {
    const [apiKey, key] = await this.issue(auth, name);
    return { ...apiKey, key };
  }

  /** The organisation of a valid, unrevoked key, or null. */
  async resolve(key: string): Promise<ApiKeyContext | null> {
    const owner = await this.resolveSecret(key);
    return owner ? { keyId: owner.id, organisationId: owner.organisationId } : null;
  }
}
