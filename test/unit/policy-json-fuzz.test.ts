import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseJson } from "../../lib/policy/json";
import { parsePolicy } from "../../lib/policy/parse";
import { validatePolicy } from "../../lib/policy/validate";
import { MESSAGES } from "../../lib/policy/validate-identity";
import { TRUST_MESSAGES } from "../../lib/policy/validate-trust";
import type { JsonNode } from "../../lib/policy/types";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

/** The plain value a node stands for, built without recursion (deep documents are the point). */
function plain(root: JsonNode): unknown {
  const done = new Map<JsonNode, unknown>();
  const stack: { node: JsonNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const n = top.node;
    const children = n.kind === "array" ? n.items : n.kind === "object" ? n.members.map((m) => m.value) : [];
    if (!top.expanded && children.length) {
      top.expanded = true;
      for (const c of children) stack.push({ node: c, expanded: false });
      continue;
    }
    stack.pop();
    if (n.kind === "array")
      done.set(
        n,
        n.items.map((i) => done.get(i)),
      );
    else if (n.kind === "object") {
      const o = {};
      // defineProperty keeps "__proto__" an own key, as JSON.parse does; a repeated key keeps its first position and last value.
      for (const m of n.members)
        Object.defineProperty(o, m.key, { value: done.get(m.value), enumerable: true, writable: true, configurable: true });
      done.set(n, o);
    } else done.set(n, n.kind === "null" ? null : n.value);
  }
  return done.get(root);
}

/** A value written out without recursion (assert's deep equality overflows near 2,000 levels); -0 stays -0. */
function canonical(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "symbol") out.push(v.description!);
    else if (Array.isArray(v)) {
      out.push("[");
      stack.push(Symbol("]"));
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i], Symbol(i ? "," : ""));
    } else if (v && typeof v === "object") {
      out.push("{");
      stack.push(Symbol("}"));
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push((v as Record<string, unknown>)[keys[i]], Symbol(`${i ? "," : ""}${JSON.stringify(keys[i])}:`));
    } else out.push(Object.is(v, -0) ? "-0" : JSON.stringify(v));
  }
  return out.join("");
}

function jsonParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** parseJson returns a result for every input (never throws) and agrees with JSON.parse on what is JSON. */
function agreesWithJsonParse(text: string) {
  const ours = parseJson(text);
  const theirs = jsonParse(text);
  assert.equal(ours.ok, theirs.ok, `parseJson ${ours.ok ? "accepted" : "rejected"} what JSON.parse ${theirs.ok ? "accepted" : "rejected"}`);
  if (ours.ok && theirs.ok) assert.equal(canonical(plain(ours.value)), canonical(theirs.value));
  if (!ours.ok) assert.ok(ours.error.offset >= 0 && ours.error.offset <= text.length);
}

const nested = fc
  .tuple(
    fc.integer({ min: 1, max: 4000 }),
    fc.constantFrom("[", '{"a":', '{"":[', "[{}, "),
    fc.constantFrom("1", '"x"', "[]", "{}", "", "null"),
  )
  .chain(([depth, open, leaf]) => {
    const close = open === "[" ? "]" : open === '{"a":' ? "}" : open === '{"":[' ? "]}" : "]";
    return fc.tuple(fc.constant(depth), fc.constant(open), fc.constant(leaf), fc.constant(close), fc.integer({ min: 0, max: depth }));
  })
  .map(([depth, open, leaf, close, closed]) => open.repeat(depth) + leaf + close.repeat(closed));

const tokens = fc.constantFrom(
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  '"',
  '"k"',
  "1",
  "-",
  "0",
  ".5",
  "e3",
  "true",
  "nul",
  "null",
  " ",
  "\n",
  "\\",
  "\\u00e9",
  "x",
);
const soup = fc.array(tokens, { maxLength: 60 }).map((t) => t.join(""));

/** A JSON text with one character inserted, deleted or replaced. */
const mutated = fc
  .tuple(fc.json({ maxDepth: 6 }), fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...'{}[],:"\\ 0-e.tfn\u0001'))
  .map(([text, at, op, c]) => {
    const i = text.length ? at % text.length : 0;
    if (op === "insert") return text.slice(0, i) + c + text.slice(i);
    if (op === "delete") return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + c + text.slice(i + 1);
  });

describe("parseJson against JSON.parse", () => {
  const opts = { seed: SEED, numRuns: RUNS };

  it("agrees on generated JSON, with any whitespace", () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 8 }), (t) => agreesWithJsonParse(t)),
      opts,
    );
    fc.assert(
      fc.property(fc.json({ maxDepth: 4, stringUnit: "binary" }), (t) => agreesWithJsonParse(t)),
      opts,
    );
    fc.assert(
      fc.property(
        fc.jsonValue().map((v) => JSON.stringify(v, null, "\t \n")),
        (t) => agreesWithJsonParse(t),
      ),
      opts,
    );
  });

  it("agrees on deep, unbalanced, broken and random texts, and never throws", () => {
    for (const arb of [nested, soup, mutated, fc.string({ unit: "binary", maxLength: 80 })]) {
      fc.assert(
        fc.property(arb, (t) => agreesWithJsonParse(t)),
        opts,
      );
    }
  });

  it("parses nesting far deeper than any policy quota, with spans", () => {
    const depth = 200_000;
    const text = "[".repeat(depth) + "]".repeat(depth);
    const r = parseJson(text);
    assert.ok(r.ok);
    let node = r.value;
    for (let d = 0; d < depth - 1; d++) {
      assert.ok(node.kind === "array" && node.items.length === 1);
      node = node.items[0];
    }
    assert.deepEqual(node, { kind: "array", items: [], span: { start: depth - 1, end: depth + 1 } });
    assert.deepEqual(r.value.span, { start: 0, end: 2 * depth });
    const unclosed = parseJson('{"a":'.repeat(depth));
    assert.deepEqual(unclosed, { ok: false, error: { message: "Unexpected end of input", offset: 5 * depth } });
  });
});

describe("policy functions on deeply nested documents", () => {
  const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  const documents: [string, string][] = [
    [deep(3000), MESSAGES.syntax],
    [`{"Version":"2012-10-17","Statement":${deep(3000)}}`, MESSAGES.syntax],
    [`{"Statement":{"Effect":"Allow","Action":${deep(3000)},"Resource":"*"}}`, MESSAGES.syntax],
    [`{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":${deep(3000)}}}}}`, MESSAGES.syntax],
    [`{"Statement":{"Effect":"Allow","Principal":{"AWS":${deep(3000)}},"Action":"sts:AssumeRole"}}`, MESSAGES.principal],
  ];

  it("report AWS's MalformedPolicyDocument wording instead of overflowing", () => {
    for (const [text, message] of documents) {
      assert.equal(validatePolicy(text, "identity")[0]?.message, message, text.slice(0, 60));
      assert.ok(validatePolicy(text, "trust").length > 0, text.slice(0, 60));
      assert.ok(validatePolicy(text, "scp").length > 0, text.slice(0, 60));
      parsePolicy(text);
    }
    assert.equal(validatePolicy("[".repeat(3000), "trust")[0]?.message, TRUST_MESSAGES.json);
  });

  it("accept a valid policy carrying a deep value where IAM allows any JSON, and read its statements", () => {
    const text = `{"Version":"2012-10-17","Conditions":${deep(3000)},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`;
    assert.deepEqual(validatePolicy(text, "identity"), []);
    assert.deepEqual(
      parsePolicy(text)?.Statement.map((s) => s.Action),
      [["s3:*"]],
    );
  });
});
