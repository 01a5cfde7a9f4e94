import type { OrganisationSettings } from '@wk/domain';

export interface Organisation extends OrganisationSettings {
  id: string;
  name: string;
  slug: string;
}

export type UpdateOrganisationRequest = Partial<OrganisationSettings> & { name?: string };
