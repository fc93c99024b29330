import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TokenClaims {
  /** The user's id. */
  sub: string;
  /** The user's token version when the token was issued. */
  tv: number;
}

const ISSUER = 'so-quy';

export class TokenService {
  /**
   * The HMAC key, made once: given the secret as a string, jsonwebtoken would try it as a public key
   * (an exception) and then make a secret key on every sign and verify.
   */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(userId: number, tokenVersion: number): { token: string; expiresAt: Date } {
    const token = jwt.sign({ tv: tokenVersion }, this.key, {
      algorithm: 'HS256',
      subject: String(userId),
      issuer: ISSUER,
      expiresIn: this.ttlSeconds,
    });
    return { token, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  /** Returns the claims, or the reason the token is refused. */
  verify(token: string): TokenClaims | { error: 'expired' | 'invalid' } {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
      // Only this service signs tokens, but a forged subject must never reach a query (app_user ids are 32-bit).
      if (typeof claims.sub !== 'string' || !/^\d{1,10}$/.test(claims.sub) || Number(claims.sub) > 2_147_483_647 || typeof claims.tv !== 'number') {
        return { error: 'invalid' };
      }
      return { sub: claims.sub, tv: claims.tv };
    } catch (error) {
      return { error: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
  }
}
