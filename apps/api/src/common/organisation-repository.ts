import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OrganisationScope } from './organisation-scope';

/**
 * What a module's repository stands on: transactions, and statements in one organisation's scope
 * (inside the caller's transaction when given its manager). A subclass needs no constructor.
 */
export abstract class OrganisationRepository {
  constructor(@InjectDataSource() protected readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  protected scope(organisationId: string, m?: EntityManager): OrganisationScope {
    return new OrganisationScope(m ?? this.db, organisationId);
  }
}
