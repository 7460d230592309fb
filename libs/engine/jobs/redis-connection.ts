import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';

/** Where the queues live: one Redis (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisTarget = { url: string } | { clusterNodes: string[] };

/** The configured target: the cluster when its nodes are listed, else REDIS_URL, else none (in-process jobs). */
export function redisTarget(config: { redisUrl: string | undefined; redisClusterNodes: string[] }): RedisTarget | null {
  if (config.redisClusterNodes.length) return { clusterNodes: config.redisClusterNodes };
  if (config.redisUrl) return { url: config.redisUrl };
  return null;
}

export function isCluster(target: RedisTarget): target is { clusterNodes: string[] } {
  return 'clusterNodes' in target;
}

/** BullMQ workers need blocking commands to wait; the API keeps answering while Redis is away. */
const COMMON: RedisOptions = { maxRetriesPerRequest: null, enableOfflineQueue: true };

function parse(entry: string): URL {
  const url = new URL(/^rediss?:\/\//.test(entry) ? entry : `redis://${entry}`);
  if (!url.hostname) throw new Error(`REDIS_CLUSTER_NODES: "${entry}" has no host`);
  return url;
}

function credentials(url: URL): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  return {
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

function single(url: string): RedisOptions {
  const u = parse(url);
  return {
    ...COMMON,
    ...credentials(u),
    host: u.hostname,
    port: Number(u.port || 6379),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
  };
}

/**
 * The cluster's seed nodes (`host:port` or `redis[s]://[user:password@]host:port`, comma-separated;
 * credentials and TLS from the first entry that has them). ioredis discovers the other masters from
 * any one of them and follows MOVED/ASK redirections.
 */
export function clusterSeeds(entries: string[]): { nodes: ClusterNode[]; redisOptions: RedisOptions } {
  if (!entries.length) throw new Error('REDIS_CLUSTER_NODES lists no node');
  const urls = entries.map(parse);
  const withCredentials = urls.find((u) => u.username || u.password || u.protocol === 'rediss:');
  return {
    nodes: urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    redisOptions: { ...COMMON, ...(withCredentials ? credentials(withCredentials) : {}) },
  };
}

/** A new client for the target (BullMQ under native ESM wants constructed ioredis clients). */
export function createRedisClient(target: RedisTarget): Redis | Cluster {
  if (!isCluster(target)) return new Redis(single(target.url));
  const { nodes, redisOptions } = clusterSeeds(target.clusterNodes);
  return new Cluster(nodes, { redisOptions, enableOfflineQueue: true, enableReadyCheck: true });
}
