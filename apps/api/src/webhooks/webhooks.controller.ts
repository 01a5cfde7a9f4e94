import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventInfo,
} from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { PaginationQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { CreateWebhookEndpointDto, UpdateWebhookEndpointDto } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('events')
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({ summary: 'The event catalogue (reserved events are subscribable, not yet emitted)' })
  events(): WebhookEventInfo[] {
    return this.webhooks.catalogue();
  }

  @Get('endpoints')
  @Authenticated({ permission: 'webhooks.manage' })
  list(@CurrentUser() auth: AuthContext): Promise<WebhookEndpoint[]> {
    return this.webhooks.list(auth);
  }

  @Post('endpoints')
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({ summary: 'Create an endpoint; the answer is the only time its signing secret is shown' })
  create(
    @CurrentUser() auth: AuthContext,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointWithSecret> {
    return this.webhooks.create(auth, dto);
  }

  @Get('endpoints/:id')
  @Authenticated({ permission: 'webhooks.manage' })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook endpoint')) id: string,
  ): Promise<WebhookEndpoint> {
    return this.webhooks.get(auth, id);
  }

  @Patch('endpoints/:id')
  @Authenticated({ permission: 'webhooks.manage' })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook endpoint')) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpoint> {
    return this.webhooks.update(auth, id, dto);
  }

  @Delete('endpoints/:id')
  @Authenticated({ permission: 'webhooks.manage' })
  @HttpCode(204)
  async remove(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook endpoint')) id: string,
  ): Promise<void> {
    await this.webhooks.remove(auth, id);
  }

  @Post('endpoints/:id/rotate-secret')
  @Authenticated({ permission: 'webhooks.manage' })
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret, shown this once; the old one stops at once' })
  rotate(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook endpoint')) id: string,
  ): Promise<WebhookEndpointWithSecret> {
    return this.webhooks.rotateSecret(auth, id);
  }

  @Post('endpoints/:id/test')
  @Authenticated({ permission: 'webhooks.manage' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test event to this endpoint' })
  test(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook endpoint')) id: string,
  ): Promise<WebhookDelivery> {
    return this.webhooks.sendTest(auth, id);
  }

  @Get('endpoints/:id/deliveries')
  @Authenticated({ permission: 'webhooks.manage' })
  deliveries(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook endpoint')) id: string,
    @Query() page: PaginationQuery,
  ): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(auth, id, page.limit, page.offset);
  }

  @Post('deliveries/:id/redeliver')
  @Authenticated({ permission: 'webhooks.manage' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivered or failed delivery again (same webhook-id); 409 while pending' })
  redeliver(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Webhook delivery')) id: string,
  ): Promise<WebhookDelivery> {
    return this.webhooks.redeliver(auth, id);
  }
}
