import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { NormalizedSchema } from "@smithy/core/schema";
import { writeResponse } from "../../local-aws/protocol/query";
import { operation, services, type QueryService } from "../../local-aws/services";
import { referenceWriteResponse } from "../helpers/query-xml-reference";

const IAM_XMLNS = (services.iam as QueryService).xmlns;
// Strings with what XML must escape or replace, beside ordinary and non-ASCII text.
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", "&", "<", ">", "\r", "\n", "\t", '"', "\u0001", "\u001f", "\uFFFE", "é", "€") }),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const date = fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true });

/** Any value the output shape allows, members present, absent or null, nested up to a few levels. */
function valueOf(ns: NormalizedSchema, depth: number): fc.Arbitrary<unknown> {
  if (ns.isListSchema()) return depth > 3 ? fc.constant([]) : fc.array(valueOf(ns.getValueSchema(), depth + 1), { maxLength: 3 });
  if (ns.isMapSchema()) return depth > 3 ? fc.constant({}) : fc.dictionary(text, valueOf(ns.getValueSchema(), depth + 1), { maxKeys: 3 });
  if (ns.isStructSchema()) {
    if (depth > 3) return fc.constant({});
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, member] of ns.structIterator()) members[name] = fc.option(valueOf(member, depth + 1), { nil: null, freq: 4 });
    return fc.record(members, { requiredKeys: [] });
  }
  if (ns.isTimestampSchema())
    return fc.oneof(
      date,
      date.map((d) => d.toISOString()),
    );
  if (ns.isBlobSchema()) return fc.uint8Array({ maxLength: 8 });
  if (ns.isBooleanSchema()) return fc.boolean();
  if (ns.isNumericSchema()) return fc.oneof(fc.integer(), fc.double({ noNaN: true }));
  return text;
}

describe("the compiled Query XML writer", () => {
  for (const service of [services.iam, services.sts] as QueryService[]) {
    it(`writes every ${service.name} action's output byte for byte as the reference writer does`, () => {
      for (const action of Object.keys(service.handlers)) {
        const op = operation(service, action);
        if (!op) continue;
        const ns = NormalizedSchema.of(op.output as never);
        const output = ns.isStructSchema() ? valueOf(ns, 0) : fc.constant(undefined);
        fc.assert(
          fc.property(output, (value) => {
            const v = value as Record<string, unknown> | undefined;
            assert.equal(
              writeResponse(action, op.output, v, service.xmlns, "req-1"),
              referenceWriteResponse(action, op.output, v, service.xmlns, "req-1"),
            );
          }),
          { numRuns: 15 },
        );
      }
    });
  }

  it("escapes markup in values and writes an empty list as one empty element", () => {
    const op = operation(services.iam, "ListUsers")!;
    const xml = writeResponse("ListUsers", op.output, { Users: [], IsTruncated: false, Marker: "a&b<c>" }, IAM_XMLNS, "r");
    assert.match(xml, /<Users\/>\n/);
    assert.match(xml, /<Marker>a&amp;b&lt;c&gt;<\/Marker>/);
  });

  it("writes dates to the second, whether given as a Date or as an ISO string", () => {
    const op = operation(services.iam, "GetUser")!;
    for (const CreateDate of [new Date("2024-03-05T06:07:08.999Z"), "2024-03-05T06:07:08.999Z"]) {
      const user = { Path: "/", UserName: "u", UserId: "AIDA", Arn: "arn:aws:iam::000000000000:user/u", CreateDate };
      const xml = writeResponse("GetUser", op.output, { User: user }, IAM_XMLNS, "r");
      assert.match(xml, /<CreateDate>2024-03-05T06:07:08Z<\/CreateDate>/);
    }
  });
});
