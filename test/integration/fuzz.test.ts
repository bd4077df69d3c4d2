import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { NormalizedSchema } from "@smithy/core/schema";
import { parseXML } from "@aws-sdk/xml-builder";
import { startHarness, type Harness } from "../helpers/local-aws";
import { parseErrorXml, signedRequest } from "../helpers/signed-request";
import {
  type AnyClient,
  commandFor,
  implementedActions,
  inputConstraints,
  knownErrorCodes,
  knownErrorNames,
  operationSchema,
  type ServiceName,
  type Shape,
} from "../helpers/model";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
const NAMESPACES: Record<ServiceName, string> = {
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
};
const VERSIONS: Record<ServiceName, string> = { iam: "2010-05-08", sts: "2011-06-15" };

const chaosString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("", " ", "/", "*", "null", "-1", "<x/>", "&amp;", "]]>", "%00", "arn:aws:iam::000000000000:root"),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => "a".repeat(n)) },
);

const DOCUMENT = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] });
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** A few shared names per member, so that creates, reads, attachments and deletes meet the same entities. */
const POOLS: Record<string, string[]> = {
  UserName: ["fz-u1", "fz-u2"],
  GroupName: ["fz-g1"],
  RoleName: ["fz-r1"],
  PolicyName: ["fz-p1"],
  InstanceProfileName: ["fz-ip1"],
  PolicyArn: ["arn:aws:iam::000000000000:policy/fz-p1", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
  PermissionsBoundary: ["arn:aws:iam::aws:policy/PowerUserAccess"],
  PolicyDocument: [DOCUMENT, TRUST],
  AssumeRolePolicyDocument: [TRUST],
  VersionId: ["v1", "v2"],
  SerialNumber: ["arn:aws:iam::000000000000:mfa/fz-m1"],
  VirtualMFADeviceName: ["fz-m1"],
};

/** Mostly values the model allows (so calls get past validation into the handlers), sometimes hostile ones. */
function stringArb(shape: Shape | undefined, member: string): fc.Arbitrary<string> {
  const valid = (): fc.Arbitrary<string> => {
    if (POOLS[member]) return fc.constantFrom(...POOLS[member]);
    if (shape?.enum) return fc.constantFrom(...shape.enum);
    const minLength = Math.min(shape?.min ?? 0, 2000);
    const length = { minLength, maxLength: Math.max(minLength, Math.min(shape?.max ?? 64, 64)) };
    if (!shape?.pattern) return fc.string(length);
    try {
      return fc.stringMatching(new RegExp(`^(?:${shape.pattern})$`, "u")).map((s) => s.slice(0, shape.max ?? 128));
    } catch {
      return fc.string(length);
    }
  };
  return fc.oneof({ weight: 6, arbitrary: valid() }, { weight: 1, arbitrary: chaosString });
}

/** A value of the member's SDK type, drawn from the model's pattern and from hostile strings, numbers, dates and list shapes. */
function valueArb(
  ns: NormalizedSchema,
  shapes: Record<string, Shape>,
  shapeName: string | undefined,
  member: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const shape = shapeName ? shapes[shapeName] : undefined;
  if (ns.isListSchema()) {
    const item = valueArb(ns.getValueSchema(), shapes, shape?.member, member, depth + 1);
    return fc.oneof(fc.array(item, { maxLength: 4 }), fc.array(item, { minLength: 40, maxLength: 60 }));
  }
  if (ns.isMapSchema())
    return fc.dictionary(chaosString, valueArb(ns.getValueSchema(), shapes, shape?.value, member, depth + 1), { maxKeys: 3 });
  if (ns.isStructSchema()) return depth > 3 ? fc.constant({}) : structArb(ns, shapes, shape, depth + 1);
  if (ns.isBooleanSchema()) return fc.boolean();
  if (ns.isNumericSchema()) {
    const valid = fc.integer({ min: shape?.min ?? 1, max: shape?.max ?? 1000 });
    return fc.oneof({ weight: 6, arbitrary: valid }, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  }
  if (ns.isTimestampSchema()) return fc.date({ noInvalidDate: true });
  if (ns.isBlobSchema()) return fc.uint8Array({ maxLength: 64 });
  return stringArb(shape, member);
}

function structArb(ns: NormalizedSchema, shapes: Record<string, Shape>, shape: Shape | undefined, depth: number) {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, member] of ns.structIterator()) members[name] = valueArb(member, shapes, shape?.members?.[name], name, depth);
  return fc.record(members, { requiredKeys: [] });
}

/** Writes an input the way the SDK's Query serialiser does: `A.member.1.B`, `M.entry.1.key`, ISO timestamps, base64 blobs. */
function flatten(ns: NormalizedSchema, value: unknown, prefix: string, out: [string, string][]) {
  if (value === undefined || ns.isUnitSchema()) return;
  if (ns.isStructSchema()) {
    for (const [name, member] of ns.structIterator()) {
      const key = member.getMergedTraits().xmlName ?? name;
      flatten(member, (value as Record<string, unknown>)[name], prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (ns.isListSchema()) {
    const items = value as unknown[];
    if (items.length === 0) out.push([prefix, ""]);
    items.forEach((item, i) => flatten(ns.getValueSchema(), item, `${prefix}.member.${i + 1}`, out));
  } else if (ns.isMapSchema()) {
    Object.entries(value as object).forEach(([k, v], i) => {
      out.push([`${prefix}.entry.${i + 1}.key`, k]);
      flatten(ns.getValueSchema(), v, `${prefix}.entry.${i + 1}.value`, out);
    });
  } else if (value instanceof Date) out.push([prefix, value.toISOString()]);
  else if (value instanceof Uint8Array) out.push([prefix, Buffer.from(value).toString("base64")]);
  else out.push([prefix, String(value)]);
}

type Mutation =
  | { kind: "value"; at: number; value: string }
  | { kind: "index"; at: number; index: string }
  | { kind: "flatten"; at: number }
  | { kind: "extra"; key: string; value: string };

/** Breaks a well-formed parameter list: wrong types, odd list indexes, dropped `.member`, extra keys. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), at: fc.nat(), value: chaosString }),
  fc.record({
    kind: fc.constant("index" as const),
    at: fc.nat(),
    index: fc.constantFrom("0", "x", "-1", "1.5", "", "999999", "01", "1e3"),
  }),
  fc.record({ kind: fc.constant("flatten" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("extra" as const),
    key: fc.oneof(chaosString, fc.constantFrom("Tags.member.1.Key", "a..b", ".", "Marker", "__proto__", "constructor.prototype")),
    value: chaosString,
  }),
);

function mutate(params: [string, string][], m: Mutation): [string, string][] {
  const out = params.map(([k, v]) => [k, v] as [string, string]);
  const at = out.length ? ("at" in m ? m.at % out.length : 0) : -1;
  if (m.kind === "value" && at >= 0) out[at][1] = m.value;
  if (m.kind === "index" && at >= 0) out[at][0] = out[at][0].replace(/\.(member|entry)\.\d+/, `.$1.${m.index}`);
  if (m.kind === "flatten" && at >= 0) out[at][0] = out[at][0].replace(".member.", ".");
  if (m.kind === "extra") out.push([m.key, m.value]);
  return out;
}

const actions = implementedActions();
const inputs = new Map(
  actions.map(({ service, action }) => {
    const { shapes, input } = inputConstraints(service, action);
    return [`${service}:${action}`, structArb(operationSchema(service, action).input, shapes, input, 0)];
  }),
);
const call = fc.constantFrom(...actions).chain((a) => fc.tuple(fc.constant(a), inputs.get(`${a.service}:${a.action}`)!));

describe(`fuzzing every action (seed ${SEED}, ${RUNS} runs each; FUZZ_SEED=${SEED} reproduces)`, () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  const params = { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true };

  it("raw signed Query requests with hostile parameters never get a 5xx, and every error is a known AWS error document", async () => {
    await fc.assert(
      fc.asyncProperty(call, fc.array(mutation, { maxLength: 3 }), async ([{ service, action }, input], mutations) => {
        const flat: [string, string][] = [];
        flatten(operationSchema(service, action).input, input, "", flat);
        const body = new URLSearchParams([["Action", action], ["Version", VERSIONS[service]], ...mutations.reduce(mutate, flat)]);
        const res = await signedRequest(h.aws.url, { body: body.toString() }, { service });
        assert.ok(res.status < 500, `${action} answered ${res.status}: ${res.body.slice(0, 300)}`);
        if (res.status === 200) {
          assert.ok(res.body.startsWith(`<${action}Response xmlns="${NAMESPACES[service]}">`), res.body.slice(0, 200));
          parseXML(res.body);
          return;
        }
        const err = parseErrorXml(res.body, NAMESPACES[service]);
        assert.ok(knownErrorCodes.has(err.code), `${action} answered an unknown code ${err.code}: ${err.message}`);
        assert.equal(res.headers["x-amzn-requestid"], err.requestId);
      }),
      params,
    );
  });

  it("SDK calls with hostile values never get a 5xx, and every error parses into a modelled error", async () => {
    await fc.assert(
      fc.asyncProperty(call, async ([{ service, action }, input]) => {
        const Command = commandFor(service, action)!;
        try {
          await ((service === "iam" ? h.iam : h.sts) as unknown as AnyClient).send(new Command(input as Record<string, unknown>));
        } catch (e) {
          const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
          const status = err.$metadata?.httpStatusCode;
          assert.ok(status !== undefined, `${action} failed before reaching the server: ${err.name}: ${err.message}`);
          assert.ok(status < 500, `${action} answered ${status} ${err.name}: ${err.message}`);
          assert.ok(knownErrorNames.has(err.name), `${action} failed with an unmodelled ${err.name}: ${err.message}`);
        }
      }),
      params,
    );
  });
});
