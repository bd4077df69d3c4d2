import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { member, parseJson } from "../../lib/policy/json";
import { fromDocument, toDocument } from "../../lib/policy/visual";
import type { VisualPolicy, VisualStatement } from "../../lib/policy/visual";

const read = (text: string): VisualPolicy => {
  const r = fromDocument(text);
  if (!r.ok) throw new Error(r.reason);
  return r.policy;
};
const withoutOrigin = (p: VisualPolicy) => p.statements.map(({ origin: _, ...s }) => s);

const service = fc.constantFrom("s3", "ec2", "iam", "sqs", "S3");
const action = fc.oneof(
  fc.tuple(service, fc.constantFrom("GetObject", "ListBucket", "Describe*", "*", "PutObject", "Get?bject")).map(([s, a]) => `${s}:${a}`),
  fc.constantFrom("*", "s*:Get*", "nocolon"),
);
const resource = fc.constantFrom(
  "*",
  "arn:aws:s3:::bucket",
  "arn:aws:s3:::bucket/*",
  "arn:aws:iam::123456789012:role/r",
  'a "quoted" \\ arn',
);
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 99999 }), fc.boolean());
const operator = fc.constantFrom(
  "StringEquals",
  "ForAnyValue:StringLike",
  "BoolIfExists",
  "NumericLessThan",
  "ForAllValues:ArnLikeIfExists",
  "Null",
);
const key = fc.constantFrom("aws:SourceIp", "s3:prefix", "aws:MultiFactorAuthPresent", "aws:RequestTag/team");
const stringOrList = (a: fc.Arbitrary<string>) => fc.oneof(a, fc.array(a, { maxLength: 4 }));

/** A statement as people write it: any member order, single values or lists, Condition or not. */
const statement = fc
  .record(
    {
      Sid: fc.string({ maxLength: 8 }),
      Effect: fc.constantFrom("Allow", "Deny"),
      Principal: fc.constantFrom("*", { AWS: "arn:aws:iam::123456789012:root" }),
      action: fc.tuple(fc.boolean(), stringOrList(action)),
      resource: fc.tuple(fc.boolean(), stringOrList(resource)),
      Condition: fc.dictionary(
        operator,
        fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 2 }),
        {
          maxKeys: 3,
        },
      ),
    },
    { requiredKeys: ["Effect", "action"] },
  )
  .chain(({ action: [not, a], resource: r, ...rest }) => {
    const members: [string, unknown][] = Object.entries(rest);
    members.push([not ? "NotAction" : "Action", a]);
    if (r) members.push([r[0] ? "NotResource" : "Resource", r[1]]);
    return fc.shuffledSubarray(members, { minLength: members.length }).map((m) => Object.fromEntries(m));
  });

const spacing = fc.constantFrom(undefined, 2, 4, "\t", " ");
const documentText = fc
  .tuple(fc.array(statement, { minLength: 1, maxLength: 4 }), fc.boolean(), spacing, fc.boolean())
  .map(([statements, single, space, id]) =>
    JSON.stringify(
      { Version: "2012-10-17", ...(id ? { Id: "p" } : {}), Statement: single && statements.length === 1 ? statements[0] : statements },
      null,
      space,
    ),
  );

describe("visual editor: reading and writing a policy", () => {
  it("gives back every valid policy byte for byte when nothing was edited", () => {
    fc.assert(
      fc.property(documentText, (text) => assert.equal(toDocument(read(text), text), text)),
      { numRuns: 400 },
    );
  });

  it("reads back what it wrote (model → document → model), fresh or into an existing document", () => {
    fc.assert(
      fc.property(documentText, documentText, (a, b) => {
        const model = read(a);
        const written = toDocument({ statements: model.statements.map(({ origin: _, ...s }) => s) }, b);
        assert.deepEqual(withoutOrigin(read(written)), withoutOrigin(model));
        assert.deepEqual(withoutOrigin(read(toDocument(model, ""))), withoutOrigin(model));
      }),
      { numRuns: 300 },
    );
  });

  it("rewrites only the edited statement: the others keep their text, and the edit reads back", () => {
    fc.assert(
      fc.property(documentText, fc.nat(), (text, pick) => {
        const model = read(text);
        const i = pick % model.statements.length;
        const edited: VisualStatement = { ...model.statements[i], effect: model.statements[i].effect === "Allow" ? "Deny" : "Allow" };
        const next = { statements: model.statements.map((s, j) => (j === i ? edited : s)) };
        const out = toDocument(next, text);
        assert.deepEqual(
          withoutOrigin(read(out)).map((s) => s.effect),
          withoutOrigin(next).map((s) => s.effect),
        );
        const root = parseJson(text);
        assert.ok(root.ok && root.value.kind === "object");
        const list = member(root.value, "Statement")!.value;
        const nodes = list.kind === "array" ? list.items : [list];
        const touched = model.statements[i].origin!.statement;
        nodes.forEach((node, j) => {
          const own = text.slice(node.span.start, node.span.end);
          if (j !== touched && list.kind === "array") assert.ok(out.includes(own), `statement ${j} kept as written`);
        });
        assert.ok(out.startsWith(text.slice(0, list.span.start)), "the text before the Statement list is kept");
        assert.ok(out.endsWith(text.slice(list.span.end)), "the text after the Statement list is kept");
      }),
      { numRuns: 300 },
    );
  });
});
