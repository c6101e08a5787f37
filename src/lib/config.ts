// Deployment settings, read at run time from /config.json beside the app (like Element's),
// so that one static build serves any homeserver.
import * as v from 'valibot';

const ConfigSchema = v.object({
  defaultServer: v.optional(v.string(), '')
});

export type AppConfig = v.InferOutput<typeof ConfigSchema>;

export async function appConfig(fetchFn: typeof fetch = fetch): Promise<AppConfig> {
  try {
    const response = await fetchFn('/config.json', { cache: 'no-cache' });
    if (!response.ok) return { defaultServer: '' };
    const parsed = v.safeParse(ConfigSchema, await response.json());
    return parsed.success ? parsed.output : { defaultServer: '' };
  } catch {
    return { defaultServer: '' };
  }
}
