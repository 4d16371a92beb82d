import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#main/backend/config';

// loadConfig is pure: it reads only the env object it is given, so no process.env is touched.

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

const ADMIN_OK = {
  CARTSTATION_ADMIN_EMAIL: 'boss@store.vn',
  CARTSTATION_ADMIN_PASSWORD: 'long-enough',
};

describe('loadConfig defaults', () => {
  it('listens on 0.0.0.0:8080 with the demo store on and a data directory chosen', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      demo: true,
      admin: null,
      logLevel: 'info',
      rateLimitPerMinute: 6000,
      loginRateLimitPerMinute: 20,
    });
    expect(typeof config.dataDir).toBe('string');
    expect(config.dataDir.trim()).not.toBe('');
    expect(config.dataDir.toLowerCase()).toContain('cartstation');
  });

  it('does not read process.env when given an env object', () => {
    const saved = process.env.PORT;
    process.env.PORT = 'abc';
    try {
      expect(loadConfig({}).port).toBe(8080);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it.each([
    'PORT',
    'HOST',
    'CARTSTATION_DEMO',
    'CARTSTATION_DATA_DIR',
    'CARTSTATION_RATE_LIMIT',
    'CARTSTATION_LOGIN_RATE_LIMIT',
    'LOG_LEVEL',
  ])('treats an empty %s like an unset one', (name) => {
    expect(loadConfig({ [name]: '' })).toEqual(loadConfig({}));
  });
});

describe('loadConfig accepts valid values', () => {
  it.each([
    [{ PORT: '0' }, { port: 0 }],
    [{ PORT: '65535' }, { port: 65535 }],
    [{ HOST: '127.0.0.1' }, { host: '127.0.0.1' }],
    [{ HOST: '::1' }, { host: '::1' }],
    [{ HOST: 'store-pc.local' }, { host: 'store-pc.local' }],
    [{ CARTSTATION_DEMO: 'false' }, { demo: false }],
    [{ CARTSTATION_DEMO: ' OFF ' }, { demo: false }],
    [{ CARTSTATION_DEMO: 'Yes' }, { demo: true }],
    [{ CARTSTATION_DEMO: '1' }, { demo: true }],
    [{ LOG_LEVEL: 'silent' }, { logLevel: 'silent' }],
    [{ CARTSTATION_RATE_LIMIT: '0' }, { rateLimitPerMinute: 0 }],
    [{ CARTSTATION_LOGIN_RATE_LIMIT: '5' }, { loginRateLimitPerMinute: 5 }],
    [{ CARTSTATION_DATA_DIR: '/srv/cartstation' }, { dataDir: '/srv/cartstation' }],
    [ADMIN_OK, { admin: { email: 'boss@store.vn', password: 'long-enough' } }],
  ])('%j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });
});

describe('loadConfig refuses invalid values with a ConfigError naming the variable', () => {
  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '65536' }],
    ['PORT', { PORT: '-1' }],
    ['PORT', { PORT: '80.5' }],
    ['PORT', { PORT: ' 80' }],
    ['PORT', { PORT: '1e3' }],
    ['HOST', { HOST: 'bad host!' }],
    ['HOST', { HOST: 'http://x' }],
    ['HOST', { HOST: 'a_b' }],
    ['CARTSTATION_DEMO', { CARTSTATION_DEMO: 'maybe' }],
    ['CARTSTATION_DEMO', { CARTSTATION_DEMO: '2' }],
    ['CARTSTATION_ADMIN_EMAIL', { CARTSTATION_ADMIN_EMAIL: 'nope' }],
    [
      'CARTSTATION_ADMIN_EMAIL',
      { CARTSTATION_ADMIN_EMAIL: 'nope', CARTSTATION_ADMIN_PASSWORD: 'long-enough' },
    ],
    ['CARTSTATION_ADMIN_EMAIL', { CARTSTATION_ADMIN_PASSWORD: 'long-enough' }],
    ['CARTSTATION_ADMIN_PASSWORD', { CARTSTATION_ADMIN_EMAIL: 'boss@store.vn' }],
    [
      'CARTSTATION_ADMIN_PASSWORD',
      { CARTSTATION_ADMIN_EMAIL: 'boss@store.vn', CARTSTATION_ADMIN_PASSWORD: 'short' },
    ],
    [
      'CARTSTATION_ADMIN_PASSWORD',
      { CARTSTATION_ADMIN_EMAIL: 'boss@store.vn', CARTSTATION_ADMIN_PASSWORD: '1234567' },
    ],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'INFO ' }],
    ['CARTSTATION_RATE_LIMIT', { CARTSTATION_RATE_LIMIT: 'lots' }],
    ['CARTSTATION_LOGIN_RATE_LIMIT', { CARTSTATION_LOGIN_RATE_LIMIT: '0' }],
  ])('%s in %j', (variable, env) => {
    const err = configError(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(variable);
    expect(err.message).toMatch(/^Invalid configuration: /);
  });

  it('quotes the offending value for numbers, hosts and booleans', () => {
    expect(configError({ PORT: 'abc' }).message).toContain('"abc"');
    expect(configError({ PORT: '70000' }).message).toContain('70000');
    expect(configError({ HOST: 'bad host!' }).message).toContain('"bad host!"');
    expect(configError({ CARTSTATION_DEMO: 'maybe' }).message).toContain('"maybe"');
  });

  it('never echoes the admin password', () => {
    const err = configError({
      CARTSTATION_ADMIN_EMAIL: 'boss@store.vn',
      CARTSTATION_ADMIN_PASSWORD: 'Secr3t',
    });
    expect(err.message).not.toContain('Secr3t');
  });
});
