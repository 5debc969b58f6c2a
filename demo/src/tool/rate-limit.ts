// Token bucket per client: `capacity` requests at once, refilled at `refillPerSecond`.

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the next request would be allowed (0 when allowed). */
  retryAfterS: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  private readonly capacity: number;
  private readonly refillPerSecond: number;
  private readonly now: () => number;

  constructor(capacity: number, refillPerSecond: number, now: () => number = Date.now) {
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.now = now;
  }

  take(client: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, limit: this.capacity, remaining: Math.floor(bucket.tokens), retryAfterS: 0 };
    }
    const waitS = this.refillPerSecond > 0 ? (1 - bucket.tokens) / this.refillPerSecond : 3600;
    return { allowed: false, limit: this.capacity, remaining: 0, retryAfterS: Math.max(1, Math.ceil(waitS)) };
  }
}
