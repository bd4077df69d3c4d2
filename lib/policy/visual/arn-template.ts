/** A resource type's ARN pattern from the Service Authorization Reference, as the visual editor's ARN builder fills it. */
export type ArnPart = { name: string; label: string };

const PLACEHOLDER = /\$\{([^}]+)\}/g;

/** The parts a user fills in, in order; the partition is the account's own (aws) and is never asked for. */
export function arnParts(pattern: string): ArnPart[] {
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((n) => n !== "Partition");
  return [...new Set(names)].map((name) => ({ name, label: labelOf(name) }));
}

const labelOf = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  return words.charAt(0) + words.slice(1).toLowerCase();
};

/** The ARN with each part's value; an empty or missing part is "*" (any), the partition "aws". */
export function fillArn(pattern: string, values: Readonly<Record<string, string | undefined>>, partition = "aws"): string {
  return pattern.replace(PLACEHOLDER, (_, name: string) => (name === "Partition" ? partition : values[name] || "*"));
}

/** "Any" for every part: the ARN that matches every resource of the type. */
export const anyArn = (pattern: string, partition = "aws") => fillArn(pattern, {}, partition);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function patternRegex(pattern: string): RegExp {
  const pieces = pattern.split(/\$\{[^}]+\}/);
  const body = pieces
    .map(escape)
    .reduce((re, piece, i) => (i === 0 ? piece : `${re}${i === pieces.length - 1 && !piece ? ".+" : "[^:/]+"}${piece}`));
  return new RegExp(`^${body}$`, "i");
}

const literalLength = (pattern: string) => pattern.replace(PLACEHOLDER, "").length;

/**
 * The resource type an ARN belongs to among `types` (by name): the most specific pattern it matches, e.g. an S3
 * object's "arn:aws:s3:::bucket/*" is an object, not a bucket. Undefined when none matches.
 */
export function resourceTypeOf<T extends { name: string; arnPattern: string }>(arn: string, types: readonly T[]): T | undefined {
  const ordered = [...types].sort((a, b) => literalLength(b.arnPattern) - literalLength(a.arnPattern));
  return ordered.find((t) => patternRegex(t.arnPattern).test(arn));
}
