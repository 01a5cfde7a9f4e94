/** SCIM 2.0 schema URNs (RFC 7643/7644) and the discovery documents identity providers read. */
export const SCIM_SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';
/** The path below the public URL that identity providers are given. */
export const SCIM_BASE_PATH = '/scim/v2';
/** Largest page a list answers with (advertised as filter.maxResults). */
export const SCIM_MAX_RESULTS = 200;

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return {
    schemas: [SCIM_SCHEMAS.list],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SCIM_SCHEMAS.serviceProviderConfig],
    documentationUri: `${baseUrl}/Schemas`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description:
          'A SCIM token created by an admin under Organisation → SCIM: Authorization: Bearer <token>',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [SCIM_SCHEMAS.resourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A person of the organisation (always created with the role employee)',
      schema: SCIM_SCHEMAS.user,
      schemaExtensions: [{ schema: SCIM_SCHEMAS.enterprise, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [SCIM_SCHEMAS.resourceType],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A team of the organisation; members are the people whose team it is',
      schema: SCIM_SCHEMAS.group,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

interface Attribute {
  name: string;
  type: string;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: string;
  returned: string;
  uniqueness: string;
  subAttributes?: Attribute[];
  referenceTypes?: string[];
}

interface AttributeOptions {
  required?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  uniqueness?: 'none' | 'server' | 'global';
  caseExact?: boolean;
  multiValued?: boolean;
  subAttributes?: Attribute[];
  referenceTypes?: string[];
}

function attribute(
  name: string,
  type: string,
  description: string,
  options: AttributeOptions = {},
): Attribute {
  const { subAttributes, referenceTypes, ...rest } = options;
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...rest,
    ...(subAttributes ? { subAttributes } : {}),
    ...(referenceTypes ? { referenceTypes } : {}),
  };
}

export function schemas(baseUrl: string) {
  const meta = (id: string) => ({ resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` });
  return [
    {
      schemas: [SCIM_SCHEMAS.schema],
      id: SCIM_SCHEMAS.user,
      name: 'User',
      description: 'A person of the organisation',
      attributes: [
        attribute(
          'userName',
          'string',
          "The person's sign-in name; the e-mail address unless emails says otherwise",
          {
            required: true,
            uniqueness: 'server',
          },
        ),
        attribute('name', 'complex', "The person's name", {
          subAttributes: [
            attribute('formatted', 'string', 'The full name as shown'),
            attribute('givenName', 'string', 'Given name'),
            attribute('familyName', 'string', 'Family name'),
          ],
        }),
        attribute('displayName', 'string', 'Used as the name when name is absent'),
        attribute('active', 'boolean', 'false deactivates the person (history is kept)'),
        attribute('emails', 'complex', 'The primary (else work, else first) value is the e-mail address', {
          multiValued: true,
          subAttributes: [
            attribute('value', 'string', 'E-mail address'),
            attribute('type', 'string', 'work'),
            attribute('primary', 'boolean', 'The address used'),
          ],
        }),
        attribute('groups', 'complex', 'The team of the person (one at most)', {
          multiValued: true,
          mutability: 'readOnly',
          subAttributes: [
            attribute('value', 'string', 'Team id', { mutability: 'readOnly' }),
            attribute('display', 'string', 'Team name', { mutability: 'readOnly' }),
          ],
        }),
      ],
      meta: meta(SCIM_SCHEMAS.user),
    },
    {
      schemas: [SCIM_SCHEMAS.schema],
      id: SCIM_SCHEMAS.enterprise,
      name: 'EnterpriseUser',
      description: 'Enterprise extension: the employee number',
      attributes: [
        attribute('employeeNumber', 'string', 'Employee number, unique in the organisation', {
          uniqueness: 'server',
          caseExact: true,
        }),
      ],
      meta: meta(SCIM_SCHEMAS.enterprise),
    },
    {
      schemas: [SCIM_SCHEMAS.schema],
      id: SCIM_SCHEMAS.group,
      name: 'Group',
      description: 'A team of the organisation',
      attributes: [
        attribute('displayName', 'string', 'Team name, unique in the organisation', {
          required: true,
          uniqueness: 'server',
        }),
        attribute('members', 'complex', 'People whose team this is', {
          multiValued: true,
          subAttributes: [
            attribute('value', 'string', 'User id', { mutability: 'immutable' }),
            attribute('display', 'string', 'Name', { mutability: 'readOnly' }),
            attribute('$ref', 'reference', 'User URI', { mutability: 'readOnly', referenceTypes: ['User'] }),
          ],
        }),
      ],
      meta: meta(SCIM_SCHEMAS.group),
    },
  ];
}
