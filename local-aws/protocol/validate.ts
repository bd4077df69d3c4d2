import iam from "./constraints/iam.json";
import sts from "./constraints/sts.json";
import organizations from "./constraints/organizations.json";
import { AwsError } from "./errors";

type Shape = {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  sensitive?: boolean;
  members?: Record<string, string>;
  member?: string;
  key?: string;
  value?: string;
};
type Model = { operations: Record<string, string>; shapes: Record<string, Shape> };

const models: Record<string, Model> = { iam, sts, organizations } as unknown as Record<string, Model>;
const regexes = new Map<string, RegExp | null>();

function regex(pattern: string): RegExp | null {
  if (!regexes.has(pattern)) {
    let re: RegExp | null = null;
    for (const flags of ["su", "s"]) {
      try {
        re = new RegExp(`^(?:${pattern})$`, flags);
        break;
      } catch {
        /* try the next flavour */
      }
    }
    regexes.set(pattern, re);
  }
  return regexes.get(pattern)!;
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Which constraint a value broke: JSON-protocol services (Organizations) name it in their error's Reason. */
export type ConstraintKind = "required" | "min-length" | "max-length" | "enum" | "pattern" | "min-value" | "max-value" | "integer";

type Violation = { text: string; kind: ConstraintKind };

/** AWS's ValidationError for model constraints, with the kind of each violation. */
export class ConstraintError extends AwsError {
  constructor(
    readonly kinds: ConstraintKind[],
    message: string,
  ) {
    super("ValidationError", message, 400);
  }
}

/** Checks an input against AWS's model constraints; throws AWS's ValidationError wording. */
export function validateInput(service: string, operation: string, input: Record<string, unknown>): void {
  const model = models[service];
  const shapeName = model?.operations[operation];
  if (!model || !shapeName) return;
  const errors: Violation[] = [];
  checkStruct(model, model.shapes[shapeName], input, "", errors);
  if (errors.length) {
    const n = errors.length;
    const text = errors.map((e) => e.text).join("; ");
    throw new ConstraintError(
      errors.map((e) => e.kind),
      `${n} validation error${n > 1 ? "s" : ""} detected: ${text}`,
    );
  }
}

function checkStruct(model: Model, shape: Shape, value: Record<string, unknown>, prefix: string, errors: Violation[]) {
  for (const [name, memberShape] of Object.entries(shape.members ?? {})) {
    const path = prefix + camel(name);
    const v = value[name];
    if (v === undefined || v === null) {
      if (shape.required?.includes(name)) {
        errors.push({ text: `Value null at '${path}' failed to satisfy constraint: Member must not be null`, kind: "required" });
      }
      continue;
    }
    check(model, model.shapes[memberShape], v, path, errors);
  }
}

function check(model: Model, shape: Shape, v: unknown, path: string, errors: Violation[]) {
  const shown = shape.sensitive ? "Value" : `Value ${display(v)}`;
  const fail = (c: string, kind: ConstraintKind) =>
    errors.push({ text: `${shown} at '${path}' failed to satisfy constraint: Member must ${c}`, kind });
  if (shape.type === "string" && typeof v === "string") {
    if (shape.min !== undefined && v.length < shape.min) fail(`have length greater than or equal to ${shape.min}`, "min-length");
    if (shape.max !== undefined && v.length > shape.max) fail(`have length less than or equal to ${shape.max}`, "max-length");
    if (shape.enum && !shape.enum.includes(v)) fail(`satisfy enum value set: [${shape.enum.join(", ")}]`, "enum");
    const re = shape.pattern ? regex(shape.pattern) : null;
    if (re && v.length > 0 && !re.test(v)) fail(`satisfy regular expression pattern: ${shape.pattern}`, "pattern");
  } else if ((shape.type === "integer" || shape.type === "long") && typeof v === "number") {
    if (!Number.isInteger(v)) fail("be an integer", "integer");
    if (shape.min !== undefined && v < shape.min) fail(`have value greater than or equal to ${shape.min}`, "min-value");
    if (shape.max !== undefined && v > shape.max) fail(`have value less than or equal to ${shape.max}`, "max-value");
  } else if (shape.type === "list" && Array.isArray(v)) {
    if (shape.min !== undefined && v.length < shape.min) fail(`have length greater than or equal to ${shape.min}`, "min-length");
    if (shape.max !== undefined && v.length > shape.max) fail(`have length less than or equal to ${shape.max}`, "max-length");
    v.forEach((item, i) => check(model, model.shapes[shape.member!], item, `${path}.${i + 1}.member`, errors));
  } else if (shape.type === "map" && v && typeof v === "object") {
    for (const [k, item] of Object.entries(v)) {
      check(model, model.shapes[shape.key!], k, `${path}.key`, errors);
      check(model, model.shapes[shape.value!], item, `${path}.${k}.member`, errors);
    }
  } else if (shape.type === "structure" && v && typeof v === "object") {
    checkStruct(model, shape, v as Record<string, unknown>, `${path}.`, errors);
  }
}

function display(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (Array.isArray(v)) return `'[${v.map((x) => (typeof x === "object" ? "..." : String(x))).join(", ")}]'`;
  if (typeof v === "object") return "'{...}'";
  return `'${String(v)}'`;
}
