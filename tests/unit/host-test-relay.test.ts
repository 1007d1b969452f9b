import { describe, expect, it } from 'vitest';
import { relayTimingFromEnv, TEST_RELAY_ENV } from '../../electron/host/test-relay';

describe("the loopback host's relay timing for end-to-end tests", () => {
  it('is nothing when the variable is not set, so the host keeps the relay defaults', () => {
    expect(relayTimingFromEnv(undefined)).toEqual({});
  });

  it('takes the interval and the retries the test asks for', () => {
    expect(relayTimingFromEnv('{"intervalMs":600000,"firstRetryMs":1000,"maxRetryMs":2000}')).toEqual({ intervalMs: 600_000, firstRetryMs: 1000, maxRetryMs: 2000 });
    expect(relayTimingFromEnv('{"firstRetryMs":500}')).toEqual({ firstRetryMs: 500 });
  });

  it('refuses a value that is not what it should be, naming the variable, instead of running on defaults', () => {
    for (const bad of ['60000', '{"intervalMs":0}', '{"intervalMs":"60000"}', '{"batchSize":10}', 'bukan json']) {
      expect(() => relayTimingFromEnv(bad)).toThrow(TEST_RELAY_ENV);
    }
  });
});
