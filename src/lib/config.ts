// Deployment settings, read at run time from /config.json beside the app (like Element's),
// so that one static build serves any homeserver.
import * as v from 'valibot';

const ConfigSchema = v.object({
  defaultServer: v.optional(v.string(), ''),
  /**
   * Self-hosted translation services (LibreTranslate-compatible) the operator runs. The app's
   * security policy lets it reach these and nothing else besides the homeserver, so a
   * facilitator can enable only one of them for a room.
   */
  translationServices: v.optional(v.array(v.pipe(v.string(), v.url(), v.maxLength(500))), [])
});

export type AppConfig = v.InferOutput<typeof ConfigSchema>;
const DEFAULT_CONFIG: AppConfig = { defaultServer: '', translationServices: [] };

export async function appConfig(fetchFn: typeof fetch = fetch): Promise<AppConfig> {
  try {
    const response = await fetchFn('/config.json', { cache: 'no-cache' });
    if (!response.ok) return { ...DEFAULT_CONFIG };
    const parsed = v.safeParse(ConfigSchema, await response.json());
    return parsed.success ? parsed.output : { ...DEFAULT_CONFIG };
  } catch {
    return { ...DEFAULT_CONFIG };
  }
}
