import { parsePolicy } from "../parse";
import { parseTemplate } from "./template";

/**
 * The context keys the policies reference, as GetContextKeysForCustomPolicy lists them: condition keys and the keys
 * of policy variables in Resource and Condition values, in order of appearance, spelled as first written, each once
 * (names compare case-insensitively). For `Resource: ".../${aws:username}"` with `DateGreaterThan: {aws:CurrentTime}`,
 * AWS's own example answers `["aws:username", "aws:CurrentTime"]`.
 */
export function contextKeysOf(texts: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (key: string) => {
    const lower = key.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    out.push(key);
  };
  const variables = (value: string) => parseTemplate(value)?.keys.forEach(add);
  for (const text of texts) {
    const policy = parsePolicy(text);
    if (!policy) continue;
    const withVariables = policy.Version === "2012-10-17";
    for (const s of policy.Statement) {
      if (withVariables) (s.Resource ?? s.NotResource ?? []).forEach(variables);
      for (const keys of Object.values(s.Condition ?? {})) {
        for (const [key, values] of Object.entries(keys)) {
          add(key);
          if (withVariables) values.forEach(variables);
        }
      }
    }
  }
  return out;
}
