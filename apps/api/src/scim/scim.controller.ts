import {
  Body,
  CallHandler,
  Controller,
  Delete,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  NestInterceptor,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { CurrentScim, ScimAuthenticated, type ScimContext } from './scim-auth';
import { ScimExceptionFilter, scimNotFound } from './scim-errors';
import { ScimGroupsService } from './scim-groups.service';
import {
  listResponse,
  resourceTypes,
  schemas,
  SCIM_CONTENT_TYPE,
  serviceProviderConfig,
} from './scim-schemas';
import { ScimTokensService } from './scim-tokens.service';
import { ScimUsersService } from './scim-users.service';

/** application/scim+json on every answer, and a Location header for a created resource. */
@Injectable()
class ScimResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Content-Type', SCIM_CONTENT_TYPE);
    return next.handle().pipe(
      map((body: { meta?: { location?: string } } | undefined) => {
        if (response.statusCode === 201 && body?.meta?.location)
          response.setHeader('Location', body.meta.location);
        return body;
      }),
    );
  }
}

type QueryParams = Record<string, unknown>;

/**
 * SCIM 2.0 (RFC 7643/7644) for identity providers, at /scim/v2 outside the /api prefix. Not in the
 * OpenAPI document: SCIM describes itself (/ServiceProviderConfig, /ResourceTypes, /Schemas), and
 * its errors follow RFC 7644 rather than the api's error shape.
 */
@ApiExcludeController()
@Controller('scim/v2')
@ScimAuthenticated()
@UseFilters(ScimExceptionFilter)
@UseInterceptors(ScimResponseInterceptor)
export class ScimController {
  constructor(
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
    private readonly tokens: ScimTokensService,
  ) {}

  @Get('ServiceProviderConfig')
  serviceProviderConfig() {
    return serviceProviderConfig(this.tokens.baseUrl);
  }

  @Get('ResourceTypes')
  resourceTypes() {
    const all = resourceTypes(this.tokens.baseUrl);
    return listResponse(all, all.length, 1);
  }

  @Get('ResourceTypes/:id')
  resourceType(@Param('id') id: string) {
    const found = resourceTypes(this.tokens.baseUrl).find((r) => r.id === id);
    if (!found) throw scimNotFound('ResourceType');
    return found;
  }

  @Get('Schemas')
  schemas() {
    const all = schemas(this.tokens.baseUrl);
    return listResponse(all, all.length, 1);
  }

  @Get('Schemas/:id')
  schema(@Param('id') id: string) {
    const found = schemas(this.tokens.baseUrl).find((s) => s.id === id);
    if (!found) throw scimNotFound('Schema');
    return found;
  }

  @Get('Users')
  listUsers(@CurrentScim() scim: ScimContext, @Query() query: QueryParams) {
    return this.users.list(scim.organisationId, query);
  }

  @Get('Users/:id')
  getUser(@CurrentScim() scim: ScimContext, @Param('id') id: string) {
    return this.users.get(scim.organisationId, id);
  }

  @Post('Users')
  createUser(@CurrentScim() scim: ScimContext, @Body() body: unknown) {
    return this.users.create(scim.organisationId, body);
  }

  @Put('Users/:id')
  replaceUser(@CurrentScim() scim: ScimContext, @Param('id') id: string, @Body() body: unknown) {
    return this.users.replace(scim.organisationId, id, body);
  }

  @Patch('Users/:id')
  patchUser(@CurrentScim() scim: ScimContext, @Param('id') id: string, @Body() body: unknown) {
    return this.users.patch(scim.organisationId, id, body);
  }

  @Delete('Users/:id')
  @HttpCode(204)
  async deleteUser(@CurrentScim() scim: ScimContext, @Param('id') id: string): Promise<void> {
    await this.users.deactivate(scim.organisationId, id);
  }

  @Get('Groups')
  listGroups(@CurrentScim() scim: ScimContext, @Query() query: QueryParams) {
    return this.groups.list(scim.organisationId, query);
  }

  @Get('Groups/:id')
  getGroup(@CurrentScim() scim: ScimContext, @Param('id') id: string, @Query() query: QueryParams) {
    return this.groups.get(scim.organisationId, id, query);
  }

  @Post('Groups')
  createGroup(@CurrentScim() scim: ScimContext, @Body() body: unknown) {
    return this.groups.create(scim.organisationId, body);
  }

  @Put('Groups/:id')
  replaceGroup(@CurrentScim() scim: ScimContext, @Param('id') id: string, @Body() body: unknown) {
    return this.groups.replace(scim.organisationId, id, body);
  }

  @Patch('Groups/:id')
  patchGroup(@CurrentScim() scim: ScimContext, @Param('id') id: string, @Body() body: unknown) {
    return this.groups.patch(scim.organisationId, id, body);
  }

  @Delete('Groups/:id')
  @HttpCode(204)
  async deleteGroup(@CurrentScim() scim: ScimContext, @Param('id') id: string): Promise<void> {
    await this.groups.remove(scim.organisationId, id);
  }
}
