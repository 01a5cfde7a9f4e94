import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiErrorCode } from '@wk/contracts';
import { AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/**
 * Login throttling with Redis-backed counters, so every api replica shares them: all attempts per
 * IP per 15 minutes; failed attempts per account and IP per hour (so a stranger cannot lock the
 * real user out); and an account-wide ceiling per hour that only a password reset by e-mail lifts.
 * Reset mails are counted per address too, so that many IPs together cannot flood one inbox.
 * A point is taken before the password is checked (atomic in Redis, so parallel guesses cannot
 * slip past the limit) and given back when the password was right.
 */
@Injectable()
export class LoginLimiterService {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccountIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly resetMails: RateLimiterRedis;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    const keyPrefix = `${config.QUEUE_PREFIX}:login`;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:ip`,
      points: config.LOGIN_LIMIT_PER_IP,
      duration: 15 * 60,
    });
    this.perAccountIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:account-ip`,
      points: config.LOGIN_FAILURES_PER_ACCOUNT,
      duration: 60 * 60,
    });
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:account`,
      points: config.LOGIN_FAILURES_PER_ACCOUNT_TOTAL,
      duration: 60 * 60,
    });
    this.resetMails = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:reset-mail`,
      points: config.RESET_MAILS_PER_ADDRESS,
      duration: 60 * 60,
    });
  }

  /**
   * Counts this attempt as failed up front and refuses (429) when the IP, the account from this IP
   * or the account as a whole is over its limit. Call `succeeded` when the password was right.
   */
  async beforeAttempt(ip: string, account: string): Promise<void> {
    await consume(this.perIp, ip, 'too_many_attempts');
    const accountIp = accountIpKey(account, ip);
    await consume(this.perAccountIp, accountIp, 'too_many_attempts');
    try {
      await consume(this.perAccount, accountKey(account), 'account_locked');
    } catch (error) {
      // Not evaluated: this IP's point for the account goes back.
      await this.perAccountIp.reward(accountIp, 1);
      throw error;
    }
  }

  /** The password was right: this IP's failures for the account are forgotten, the account-wide point goes back. */
  async succeeded(ip: string, account: string): Promise<void> {
    await this.perAccountIp.delete(accountIpKey(account, ip));
    await this.perAccount.reward(accountKey(account), 1);
  }

  /** Only the per-IP limit: the account lock must never keep someone from resetting their password. */
  async beforeResetRequest(ip: string): Promise<void> {
    await consume(this.perIp, ip, 'too_many_attempts');
  }

  /** Takes one of the address's reset mails of this hour; false: none left (send nothing, answer the same). */
  async mayMailReset(address: string): Promise<boolean> {
    try {
      await this.resetMails.consume(accountKey(address));
      return true;
    } catch (res) {
      if (res instanceof RateLimiterRes) return false;
      throw res;
    }
  }

  /** A completed password reset proves the mailbox: every lock on the account is lifted. */
  async clearAccount(account: string): Promise<void> {
    await this.perAccount.delete(accountKey(account));
    const pattern = `${this.perAccountIp.keyPrefix}:${accountKey(account)}:*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

/** Hashed, so that an e-mail address never holds glob characters for SCAN (nor shows in Redis). */
const accountKey = (account: string) =>
  createHash('sha256').update(account.trim().toLowerCase()).digest('hex');
const accountIpKey = (account: string, ip: string) => `${accountKey(account)}:${ip}`;

/** Codes of a refused sign-in; both must stay in ApiErrorCode (libs/contracts errors.ts). */
type LimitCode = Extract<ApiErrorCode, 'too_many_attempts' | 'account_locked'>;

async function consume(limiter: RateLimiterRedis, key: string, code: LimitCode): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw tooMany(res, code);
    throw res;
  }
}

function tooMany(res: RateLimiterRes, code: LimitCode): HttpException {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new HttpException(
    {
      code,
      message:
        code === 'account_locked'
          ? `Too many failed sign-ins for this account. Reset your password by e-mail, or try again in ${minutes} minute(s).`
          : `Too many sign-in attempts. Try again in ${minutes} minute(s).`,
      retryAfter: seconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
