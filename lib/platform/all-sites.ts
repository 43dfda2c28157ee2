/**
 * "Run on all sites": a dynamically registered copy of the content script, present only while the
 * setting is on AND the optional all-sites (`*://*` + `/*`) host permission is granted. Idempotent; safe to call on
 * every startup, install, permission change and settings change.
 */
import { CONTENT_SCRIPT_FILE, NEWS_MATCHES } from './content-matches';

export const ALL_SITES_SCRIPT_ID = 'masthead-all-sites';
export const ALL_SITES_ORIGINS = ['*://*/*'];

export interface ScriptingLike {
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
}

export interface PermissionsLike {
  contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions?: boolean;
}

export const ALL_SITES_SCRIPT: RegisteredScript = {
  id: ALL_SITES_SCRIPT_ID,
  matches: ALL_SITES_ORIGINS,
  // The manifest already injects on the news hosts; running twice would analyse the page twice.
  excludeMatches: [...NEWS_MATCHES],
  js: [CONTENT_SCRIPT_FILE],
  runAt: 'document_idle',
};

export interface AllSitesState {
  /** The user's setting. */
  enabled: boolean;
  /** The optional host permission is granted. */
  granted: boolean;
  /** The dynamic content script is registered after this call. */
  registered: boolean;
}

export async function hasAllSitesPermission(permissions: PermissionsLike): Promise<boolean> {
  try {
    return await permissions.contains({ origins: ALL_SITES_ORIGINS });
  } catch {
    return false;
  }
}

/** Make the registration match `enabled && granted`. */
export async function syncAllSites(
  enabled: boolean,
  deps: { scripting: ScriptingLike; permissions: PermissionsLike },
): Promise<AllSitesState> {
  const granted = await hasAllSitesPermission(deps.permissions);
  const existing = await deps.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  const isRegistered = existing.some((s) => s.id === ALL_SITES_SCRIPT_ID);
  const want = enabled && granted;
  if (want && !isRegistered) {
    try {
      await deps.scripting.registerContentScripts([ALL_SITES_SCRIPT]);
    } catch (e) {
      // A concurrent sync registered it first ("Duplicate script ID"): that is the desired state.
      if (!/duplicate/i.test(String(e))) throw e;
    }
  } else if (!want && isRegistered) {
    await deps.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  }
  return { enabled, granted, registered: want };
}
