import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs with nothing set: PGlite, the demo model, guests on', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.provider).toEqual({ kind: 'demo', delayMs: 30 });
    expect(config.guests).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000' }).requestTimeoutMs).toBe(5_000);
  });

  it('picks OpenRouter from its key, as in the seed', () => {
    const config = loadConfig({ OPENROUTER_API_KEY: 'sk-or-1', CHAT_MODEL: 'meta/llama' });
    expect(config.provider).toMatchObject({
      kind: 'openai-compatible',
      baseUrl: 'https://openrouter.ai/api/v1',
      apiKey: 'sk-or-1',
      model: 'meta/llama',
    });
  });

  it('reads TRUST_PROXY as a switch, a number of hops or a list of proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', 'fd00::/8']);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ AUTH_JWT_SECRET: 'short' }, /AUTH_JWT_SECRET must be at least 32 characters/],
    [{ RATE_LIMIT_STORE: 'redis' }, /RATE_LIMIT_STORE/],
    [{ REQUEST_TIMEOUT_MS: '0' }, /REQUEST_TIMEOUT_MS/],
    [{ PARLEY_FRAME_ANCESTORS: "'self'; script-src *" }, /PARLEY_FRAME_ANCESTORS .* is not a CSP source/],
    [{ PARLEY_MODELS_FILE: '/nonexistent.json' }, /PARLEY_MODELS_FILE/],
    [{ TRUST_PROXY: '10.0.0.0/8, proxy.internal' }, /TRUST_PROXY "proxy.internal" is not an IP address/],
  ])('fails with one clear line for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
