import { createHmac } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/config';
import { REDIS } from '../../redis/redis.module';

/**
 * Responses per open link per source per day, beyond the browser cookie (which a script simply
 * drops). The counter key is an HMAC of link, IP and day: it lives only in Redis, expires within a
 * day and cannot be turned back into an IP, so no response is ever linked to who sent it.
 */
@Injectable()
export class OpenLinkLimiter {
  private readonly limiter: RateLimiterRedis;
  private readonly key: Buffer;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.QUEUE_PREFIX}:open-link`,
      points: config.OPEN_LINK_RESPONSES_PER_IP,
      duration: 24 * 3600,
    });
    // A key of its own, derived from the secret, so these digests match no other signature.
    this.key = createHmac('sha256', config.SESSION_SECRET).update('open-link-responses').digest();
  }

  /** Takes one response from today's allowance (atomic in Redis); 429 too_many_responses past it. */
  async take(code: string, ip: string): Promise<string> {
    const key = this.keyFor(code, ip);
    try {
      await this.limiter.consume(key);
      return key;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw new HttpException(
        {
          code: 'too_many_responses',
          message: 'Many answers already came through this link from this network today. Try again tomorrow.',
          retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** The answer was not stored (invalid, closed, already answered): it does not count. */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  private keyFor(code: string, ip: string): string {
    const day = new Date().toISOString().slice(0, 10);
    return createHmac('sha256', this.key).update(`${code}\n${ip}\n${day}`).digest('base64url');
  }
}
