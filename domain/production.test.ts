import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { CONFIG_VARS, ConfigError, loadConfig } from './config.ts';

const strongSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
/** A production environment that passes every check; each test breaks one thing. */
const good = (): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://ydym.example.gov.cn',
  SUPERVISION_SECRET: strongSecret(),
  SMS_SECRET: strongSecret(),
  CLIENT_HASH_SECRET: randomBytes(32).toString('hex'),
});

function refused(env: NodeJS.ProcessEnv, variable: string): void {
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.ok(
        error.problems.some((p) => p.includes(variable)),
        `expected ${variable} to be named in:\n${error.message}`,
      );
      return true;
    },
  );
}

test('in production, a complete configuration of its own loads, and cookies are Secure behind https', () => {
  const config = loadConfig(good());
  assert.equal(config.production, true);
  assert.equal(config.cookieSecure, true);
});

test('in production, the SUPERVISION_SECRET printed in the README is refused, naming the variable', () => {
  refused({ ...good(), SUPERVISION_SECRET: CONFIG_VARS.supervisionSecret.default }, 'SUPERVISION_SECRET');
  // Left unset, the default would apply: refused the same way.
  const env = good();
  delete env.SUPERVISION_SECRET;
  refused(env, 'SUPERVISION_SECRET');
});

test('in production, the SMS_SECRET printed in the README is refused, or left unset, naming the variable', () => {
  refused({ ...good(), SMS_SECRET: CONFIG_VARS.smsSecret.default }, 'SMS_SECRET');
  const env = good();
  delete env.SMS_SECRET;
  refused(env, 'SMS_SECRET');
  refused({ SMS_SECRET: 'short' }, 'SMS_SECRET');
});

test('a malformed SMS_QUIET_HOURS is refused at boot, naming it', () => {
  refused({ SMS_QUIET_HOURS: '22-7' }, 'SMS_QUIET_HOURS');
  assert.equal(loadConfig({ SMS_QUIET_HOURS: '' }).smsQuietHours, '');
});

test('in production, the published CLIENT_HASH_SECRET is refused, naming the variable', () => {
  refused({ ...good(), CLIENT_HASH_SECRET: CONFIG_VARS.clientHashSecret.default }, 'CLIENT_HASH_SECRET');
  refused({ ...good(), CLIENT_HASH_SECRET: 'x'.repeat(20) }, 'CLIENT_HASH_SECRET');
});

test('in production, a short secret is refused; in any mode an empty or tiny one is', () => {
  refused({ ...good(), SUPERVISION_SECRET: `whsec_${randomBytes(20).toString('base64')}` }, 'SUPERVISION_SECRET');
  refused({ SUPERVISION_SECRET: '' }, 'SUPERVISION_SECRET');
  refused({ SUPERVISION_SECRET: 'whsec_' }, 'SUPERVISION_SECRET');
  refused({ SUPERVISION_SECRET: 'short' }, 'SUPERVISION_SECRET');
});

test('in production, COOKIE_SECURE off behind an https PUBLIC_BASE_URL is refused', () => {
  refused({ ...good(), COOKIE_SECURE: 'false' }, 'COOKIE_SECURE');
});

test('in production, PUBLIC_BASE_URL must be set (labels print it)', () => {
  const env = good();
  delete env.PUBLIC_BASE_URL;
  refused(env, 'PUBLIC_BASE_URL');
});

test('outside production the demo defaults still load, and Secure follows the base URL unless set', () => {
  const demo = loadConfig({});
  assert.equal(demo.production, false);
  assert.equal(demo.cookieSecure, false);
  assert.equal(loadConfig({ PUBLIC_BASE_URL: 'https://a.example' }).cookieSecure, true);
  assert.equal(loadConfig({ PUBLIC_BASE_URL: 'https://a.example', COOKIE_SECURE: 'false' }).cookieSecure, false);
  assert.equal(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure, true);
});
