import type { Knex } from 'knex';
import { clearThrottle, lockRemainingMs, recordFailure } from '../db/repositories/loginThrottle';
import { AppError } from '../errors';

export interface LoginThrottlePolicy {
  /** Failures counted within this window. */
  windowMs: number;
  /** Failed logins for one email within the window before that account is locked (423). */
  accountMaxFailures: number;
  /** Failed logins from one IP address within the window before that address is refused (429). */
  ipMaxFailures: number;
  /** How long a lock lasts. */
  lockMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowMs: 15 * 60_000,
  accountMaxFailures: 5,
  ipMaxFailures: 20,
  lockMs: 15 * 60_000,
};

/** Too many attempts; carries the seconds for `Retry-After`. */
export class LoginThrottledError extends AppError {
  constructor(
    code: 'too_many_attempts' | 'account_locked',
    readonly retryAfterSeconds: number,
  ) {
    super(
      code,
      code === 'account_locked'
        ? 'Too many failed sign-ins for this account; try again later'
        : 'Too many failed sign-ins from this address; try again later',
      code === 'account_locked' ? 423 : 429,
    );
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Login rate limiting and temporary lockout, per account and per IP, kept in PostgreSQL.
 * Unknown emails are locked exactly like real ones, so a lock reveals nothing about who has an account.
 */
export function loginThrottle(db: Knex, policy: LoginThrottlePolicy) {
  return {
    /** Throws LoginThrottledError while the IP or the account is locked. */
    async check(email: string, ip: string): Promise<void> {
      const locks = await lockRemainingMs(db, [ipKey(ip), accountKey(email)]);
      const ipMs = locks[ipKey(ip)];
      if (ipMs) throw new LoginThrottledError('too_many_attempts', Math.ceil(ipMs / 1000));
      const accountMs = locks[accountKey(email)];
      if (accountMs) throw new LoginThrottledError('account_locked', Math.ceil(accountMs / 1000));
    },
    async failed(email: string, ip: string): Promise<void> {
      const common = { windowMs: policy.windowMs, lockMs: policy.lockMs };
      await recordFailure(db, accountKey(email), { ...common, maxFailures: policy.accountMaxFailures });
      await recordFailure(db, ipKey(ip), { ...common, maxFailures: policy.ipMaxFailures });
    },
    async succeeded(email: string): Promise<void> {
      await clearThrottle(db, accountKey(email));
    },
  };
}
