import type { JsonMember, JsonNode, JsonObject, Position, Span } from "./types";

export type JsonResult = { ok: true; value: JsonNode } | { ok: false; error: { message: string; offset: number } };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Strict RFC 8259 JSON (as IAM's parser is: no comments, no trailing commas), keeping every value's span. */
export function parseJson(text: string): JsonResult {
  const p = new Parser(text);
  try {
    p.ws();
    const value = p.value();
    p.ws();
    if (p.i < text.length) p.fail("Unexpected content after the JSON value");
    return { ok: true, value };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, error: { message: e.message, offset: e.offset } };
    throw e;
  }
}

/** The member named `key` (the last one, as JSON parsers that allow duplicates keep it). */
export function member(obj: JsonObject, key: string): JsonMember | undefined {
  for (let i = obj.members.length - 1; i >= 0; i--) if (obj.members[i].key === key) return obj.members[i];
  return undefined;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

type ObjectInProgress = { kind: "object"; start: number; members: JsonMember[]; key: string; keySpan: Span };
type Container = { kind: "array"; start: number; items: JsonNode[] } | ObjectInProgress;

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  fail(message: string, at = this.i): never {
    throw new JsonSyntaxError(message, at);
  }

  ws() {
    while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i])) this.i++;
  }

  span(start: number): Span {
    return { start, end: this.i };
  }

  /**
   * One value, with containers kept on an explicit stack rather than the call stack, so any nesting depth a
   * request can carry parses (a recursive parser overflowed at about 3,000 levels, inside the policy size quota).
   */
  value(): JsonNode {
    const open: Container[] = [];
    for (;;) {
      let node = this.start(open);
      if (!node) continue;
      for (;;) {
        const top = open[open.length - 1];
        if (!top) return node;
        if (top.kind === "array") top.items.push(node);
        else top.members.push({ key: top.key, keySpan: top.keySpan, value: node });
        this.ws();
        const c = this.s[this.i++];
        const close = top.kind === "array" ? "]" : "}";
        if (c !== close) {
          if (c !== ",") this.fail(`Expected ',' or '${close}'`, this.i - 1);
          if (top.kind === "object") this.key(top);
          else this.ws();
          break;
        }
        open.pop();
        node =
          top.kind === "array"
            ? { kind: "array", items: top.items, span: this.span(top.start) }
            : { kind: "object", members: top.members, span: this.span(top.start) };
      }
    }
  }

  /** A scalar or an empty container, or undefined after opening a container whose first item comes next. */
  private start(open: Container[]): JsonNode | undefined {
    const c = this.s[this.i];
    if (c === "{" || c === "[") {
      const start = this.i++;
      this.ws();
      const close = c === "{" ? "}" : "]";
      if (this.s[this.i] === close) {
        this.i++;
        return c === "{" ? { kind: "object", members: [], span: this.span(start) } : { kind: "array", items: [], span: this.span(start) };
      }
      if (c === "[") {
        open.push({ kind: "array", start, items: [] });
        this.ws();
      } else {
        const object: ObjectInProgress = { kind: "object", start, members: [], key: "", keySpan: { start, end: start } };
        open.push(object);
        this.key(object);
      }
      return undefined;
    }
    if (c === '"') {
      const start = this.i;
      return { kind: "string", value: this.string(), span: this.span(start) };
    }
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const [word, node] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.s.startsWith(word, this.i)) {
        const start = this.i;
        this.i += word.length;
        return node === null ? { kind: "null", span: this.span(start) } : { kind: "boolean", value: node, span: this.span(start) };
      }
    }
    return this.fail(c === undefined ? "Unexpected end of input" : `Unexpected character '${c}'`);
  }

  /** A member's name and colon, leaving the position at its value. */
  private key(object: ObjectInProgress) {
    this.ws();
    if (this.s[this.i] !== '"') this.fail("Expected a property name");
    const keyStart = this.i;
    object.key = this.string();
    object.keySpan = this.span(keyStart);
    this.ws();
    if (this.s[this.i] !== ":") this.fail("Expected ':'");
    this.i++;
    this.ws();
  }

  string(): string {
    let out = "";
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail("Unterminated string");
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c < " ") this.fail("Control character in string");
      if (c !== "\\") {
        out += c;
        this.i++;
        continue;
      }
      const e = this.s[this.i + 1];
      if (e === "u") {
        const hex = this.s.slice(this.i + 2, this.i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("Invalid unicode escape");
        out += String.fromCharCode(parseInt(hex, 16));
        this.i += 6;
      } else if (e !== undefined && e in ESCAPES) {
        out += ESCAPES[e];
        this.i += 2;
      } else {
        this.fail("Invalid escape");
      }
    }
  }

  number(): JsonNode {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) return this.fail("Invalid number");
    const start = this.i;
    this.i += m[0].length;
    return { kind: "number", value: Number(m[0]), raw: m[0], span: this.span(start) };
  }
}
