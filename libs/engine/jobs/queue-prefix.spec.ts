import { hasHashTag, hashTagged, queuePrefix } from './queue-prefix';
import { clusterSeeds, redisTarget } from './redis-connection';

describe('the queue prefix on Redis Cluster', () => {
  it('recognises a hash tag as Redis does: the first non-empty {…}', () => {
    expect(hasHashTag('{jm}')).toBe(true);
    expect(hasHashTag('jm-{a1b2}')).toBe(true);
    expect(hasHashTag('jm')).toBe(false);
    expect(hasHashTag('{}jm')).toBe(false);
    expect(hasHashTag('jm}{')).toBe(false);
  });

  it('wraps an untagged prefix and keeps a tagged one', () => {
    expect(hashTagged('jm')).toBe('{jm}');
    expect(hashTagged('{jm}')).toBe('{jm}');
    expect(hashTagged('x-{jm}')).toBe('x-{jm}');
  });

  it('tags the default always, an explicit QUEUE_PREFIX only on a cluster', () => {
    expect(queuePrefix({ fallback: 'jm', cluster: false })).toBe('{jm}');
    expect(queuePrefix({ fallback: 'jm', cluster: true })).toBe('{jm}');
    expect(queuePrefix({ explicit: 'spec-db', fallback: 'jm', cluster: false })).toBe('spec-db');
    expect(queuePrefix({ explicit: 'spec-db', fallback: 'jm', cluster: true })).toBe('{spec-db}');
  });
});

describe('the Redis target', () => {
  it('prefers the cluster when its nodes are listed', () => {
    expect(redisTarget({ redisUrl: 'redis://r:6379', redisClusterNodes: ['a:7001'] })).toEqual({
      clusterNodes: ['a:7001'],
    });
    expect(redisTarget({ redisUrl: 'redis://r:6379', redisClusterNodes: [] })).toEqual({ url: 'redis://r:6379' });
    expect(redisTarget({ redisUrl: undefined, redisClusterNodes: [] })).toBeNull();
  });

  it('reads seed nodes as host:port or URLs, with credentials and TLS from the entry that has them', () => {
    const seeds = clusterSeeds(['127.0.0.1:7001', 'rediss://app:s%40cret@10.0.0.2:7002']);
    expect(seeds.nodes).toEqual([
      { host: '127.0.0.1', port: 7001 },
      { host: '10.0.0.2', port: 7002 },
    ]);
    expect(seeds.redisOptions).toMatchObject({
      username: 'app',
      password: 's@cret',
      tls: {},
      maxRetriesPerRequest: null,
    });
    expect(() => clusterSeeds([])).toThrow(/no node/);
  });
});
