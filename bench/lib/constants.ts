/** The bench API's token secret (the baseline server verifies tokens with the same one). */
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';
export const DEFAULT_SEED = 'jm-bench-1';
export const BENCH_PII_KEY = 'bench-pii-key-bench-pii-key-bench-pii-key-0123';
