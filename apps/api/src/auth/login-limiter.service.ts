import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/**
 * Login throttling with Redis-backed counters, so every api replica shares them:
 * all attempts per IP per 15 minutes, and failed attempts per account per hour.
 */
@Injectable()
export class LoginLimiterService {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const keyPrefix = `${config.QUEUE_PREFIX}:login`;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:ip`,
      points: config.LOGIN_LIMIT_PER_IP,
      duration: 15 * 60,
    });
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:account`,
      points: config.LOGIN_FAILURES_PER_ACCOUNT,
      duration: 60 * 60,
    });
  }

  /** Counts this attempt against the IP and refuses when the IP or the account is over its limit. */
  async beforeAttempt(ip: string, email: string): Promise<void> {
    const account = await this.perAccount.get(accountKey(email));
    if (account && account.consumedPoints >= this.perAccount.points) throw tooMany(account);
    await this.perIp.consume(ip).catch((res: unknown) => {
      if (res instanceof RateLimiterRes) throw tooMany(res);
      throw res;
    });
  }

  async failed(email: string): Promise<void> {
    await this.perAccount.penalty(accountKey(email), 1);
  }

  async succeeded(email: string): Promise<void> {
    await this.perAccount.delete(accountKey(email));
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();

function tooMany(res: RateLimiterRes): HttpException {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new HttpException(
    {
      code: 'too_many_attempts',
      message: `Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      retryAfter: seconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
