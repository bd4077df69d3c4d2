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

  value(): JsonNode {
    const c = this.s[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
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

  object(): JsonNode {
    const start = this.i++;
    const members: JsonMember[] = [];
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return { kind: "object", members, span: this.span(start) };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail("Expected a property name");
      const keyStart = this.i;
      const key = this.string();
      const keySpan = this.span(keyStart);
      this.ws();
      if (this.s[this.i] !== ":") this.fail("Expected ':'");
      this.i++;
      this.ws();
      members.push({ key, keySpan, value: this.value() });
      this.ws();
      const c = this.s[this.i++];
      if (c === "}") return { kind: "object", members, span: this.span(start) };
      if (c !== ",") this.fail("Expected ',' or '}'", this.i - 1);
    }
  }

  array(): JsonNode {
    const start = this.i++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return { kind: "array", items, span: this.span(start) };
    }
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === "]") return { kind: "array", items, span: this.span(start) };
      if (c !== ",") this.fail("Expected ',' or ']'", this.i - 1);
    }
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
