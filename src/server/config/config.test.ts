import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('gives safe defaults for a laptop', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      secureCookies: false,
      env: 'development',
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.publicUrl.origin).toBe('http://localhost:3000');
    expect(config.sessionIdleMs).toBe(30 * 60_000);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('turns on secure cookies for an HTTPS public URL and parses the proxy setting', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://hearts.example.org', TRUST_PROXY: '1' });
    expect(config.secureCookies).toBe(true);
    expect(config.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy).toBe('10.0.0.1, 10.0.0.2');
  });

  it('names every bad variable and what it expects, one line each', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.includes('PORT'))).toMatch(
      /PORT must be a port number from 0 to 65535 \(got "eighty"\)/,
    );
    expect(problems.find((p) => p.includes('DATABASE_URL'))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.includes('LOG_LEVEL'))).toMatch(/fatal, error, warn/);
  });
});
