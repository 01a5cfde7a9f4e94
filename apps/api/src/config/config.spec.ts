import { ConfigError, DEV_SESSION_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  it('works with no environment at all (developer defaults)', () => {
    const sut = loadConfig({});
    expect(sut.PORT).toBe(3000);
    expect(sut.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/waardenkompas');
    expect(sut.demoEnabled).toBe(true);
    expect(sut.SMTP_URL).toBeUndefined();
  });

  it('reads PORT and DEMO from strings', () => {
    const sut = loadConfig({ PORT: '4100', DEMO: '0' });
    expect(sut.PORT).toBe(4100);
    expect(sut.demoEnabled).toBe(false);
    expect(sut.publicUrl).toBe('http://localhost:4100');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('refuses production with the default secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: DEV_SESSION_SECRET })).toThrow(
      /SESSION_SECRET/,
    );
    const sut = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'a-long-production-secret' });
    expect(sut.demoEnabled).toBe(false);
  });
});
