import { catalogueVersion } from "../catalogue";
import { Lru } from "../lru";
import { effectivePermissions } from "./index";
import type { EffectivePermissions, EffectivePermissionsInput } from "./types";

const ENTRIES = 64;
const results = new Lru<string, EffectivePermissions>(ENTRIES);

/**
 * effectivePermissions, remembered for the last 64 inputs. It is a pure function of the policies' ids, names and texts
 * and of the action catalogue, so the key is all of them: a changed document, a new default version or another
 * catalogue is another key, never a stale answer. The result is shared between callers: read it, never change it.
 */
export function cachedEffectivePermissions(input: EffectivePermissionsInput): EffectivePermissions {
  const key = JSON.stringify([catalogueVersion, input]);
  let result = results.get(key);
  if (!result) results.set(key, (result = effectivePermissions(input)));
  return result;
}
