import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IssuedCredentialStore } from '../auth/issued-credentials';

/** The only SQL on scim_tokens. */
@Injectable()
export class ScimTokensRepository extends IssuedCredentialStore {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, { table: 'scim_tokens', hashColumn: 'token_hash' });
  }
}
