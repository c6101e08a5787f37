// Hostile content against the deployment settings read from /config.json at run time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appConfig } from './config.ts';
import { hostileContent, hostileString, jsonOf, RUNS } from './testing/hostile-arbitraries.ts';

describe('appConfig', () => {
  it('reads any answer as a server name and a list of addresses, never throwing', async () => {
    const answer = fc.oneof(hostileContent({ defaultServer: 'example.org', translationServices: ['https://translate.example.org'] }).map(jsonOf), hostileString);
    await fc.assert(
      fc.asyncProperty(answer, fc.integer({ min: 200, max: 599 }), async (text, status) => {
        const config = await appConfig(async () => new Response(text, { status }));
        expect(typeof config.defaultServer).toBe('string');
        for (const service of config.translationServices) expect(URL.canParse(service) && service.length <= 500).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });
});
