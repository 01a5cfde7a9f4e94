import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IssuedCredentialStore } from './issued-credentials';

/** The only SQL on api_keys. */
@Injectable()
export class ApiKeysRepository extends IssuedCredentialStore {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, { table: 'api_keys', hashColumn: 'key_hash' });
  }
}
