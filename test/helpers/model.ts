import * as iamClient from "@aws-sdk/client-iam";
import * as stsClient from "@aws-sdk/client-sts";
import { NormalizedSchema } from "@smithy/core/schema";
import iamConstraints from "../../local-aws/protocol/constraints/iam.json";
import stsConstraints from "../../local-aws/protocol/constraints/sts.json";
import { iamHandlers } from "../../local-aws/iam";
import { stsHandlers } from "../../local-aws/sts";

export type ServiceName = "iam" | "sts";
type Shape = {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, string>;
  member?: string;
  key?: string;
  value?: string;
};
type Constraints = { operations: Record<string, string>; shapes: Record<string, Shape> };

const constraints: Record<ServiceName, Constraints> = { iam: iamConstraints as Constraints, sts: stsConstraints as Constraints };
const clients: Record<ServiceName, Record<string, unknown>> = { iam: iamClient, sts: stsClient };

/** Every action local-aws implements, read from the handler maps so the list grows as handlers land. */
export const implementedActions = (): { service: ServiceName; action: string }[] => [
  ...Object.keys(iamHandlers).map((action) => ({ service: "iam" as const, action })),
  ...Object.keys(stsHandlers).map((action) => ({ service: "sts" as const, action })),
];

type CommandClass = new (input: Record<string, unknown>) => unknown;
export type AnyClient = { send: (command: unknown) => Promise<Record<string, unknown>> };

/** The SDK's `XCommand` class for an action, by name. */
export function commandFor(service: ServiceName, action: string): CommandClass | undefined {
  return clients[service][`${action}Command`] as CommandClass | undefined;
}

/** The botocore constraint shape behind an operation's input, for its patterns, lengths and enums. */
export function inputConstraints(service: ServiceName, action: string): { shapes: Record<string, Shape>; input?: Shape } {
  const model = constraints[service];
  const name = model.operations[action];
  return { shapes: model.shapes, input: name ? model.shapes[name] : undefined };
}

export type { Shape };

export function operationSchema(service: ServiceName, action: string): { input: NormalizedSchema; output: NormalizedSchema } {
  const op = clients[service][`${action}$`] as [number, string, string, unknown, () => unknown, () => unknown];
  return { input: NormalizedSchema.of(op[4]() as never), output: NormalizedSchema.of(op[5]() as never) };
}

/** Error codes AWS documents as common to every Query action. */
const COMMON_ERRORS = [
  "AccessDenied",
  "IncompleteSignature",
  "InternalFailure",
  "InvalidAction",
  "InvalidClientTokenId",
  "InvalidParameterCombination",
  "InvalidParameterValue",
  "InvalidQueryParameter",
  "MalformedQueryString",
  "MissingAction",
  "MissingAuthenticationToken",
  "MissingParameter",
  "NotAuthorized",
  "OptInRequired",
  "RequestExpired",
  "ServiceUnavailable",
  "ThrottlingException",
  "ValidationError",
  "SignatureDoesNotMatch",
  "RequestEntityTooLarge",
];

/** Names the SDK gives errors it can parse: its modelled exception classes and the common Query error codes. */
export const knownErrorNames = new Set<string>([
  ...COMMON_ERRORS,
  ...Object.entries({ ...iamClient, ...stsClient })
    .filter(([k, v]) => k.endsWith("Exception") && typeof v === "function")
    .map(([k]) => k),
]);

/** Error codes as they appear in `<Code>`: the modelled errors' awsQueryError codes and the common Query errors. */
export const knownErrorCodes = new Set<string>([
  ...COMMON_ERRORS,
  ...Object.entries({ ...iamClient, ...stsClient })
    .filter(([k, v]) => k.endsWith("Exception$") && Array.isArray(v) && v[0] === -3)
    .map(([, v]) => ((v as unknown[])[3] as { awsQueryError?: [string, number] }).awsQueryError?.[0] ?? ((v as unknown[])[2] as string)),
]);

/** Paths of members the model marks required but the output lacks (a struct's first N members are its required ones). */
export function missingRequired(schema: NormalizedSchema, value: unknown, path = "output"): string[] {
  if (value === undefined || value === null) return [];
  if (schema.isStructSchema()) {
    const raw = schema.getSchema() as unknown as unknown[];
    const names = raw[4] as string[];
    const required = typeof raw[6] === "number" ? raw[6] : 0;
    const v = value as Record<string, unknown>;
    const missing = names
      .slice(0, required)
      .filter((n) => v[n] === undefined)
      .map((n) => `${path}.${n}`);
    for (const [n, m] of schema.structIterator()) missing.push(...missingRequired(m, v[n], `${path}.${n}`));
    return missing;
  }
  if (schema.isListSchema() && Array.isArray(value))
    return value.flatMap((item, i) => missingRequired(schema.getValueSchema(), item, `${path}[${i}]`));
  if (schema.isMapSchema() && typeof value === "object") {
    return Object.entries(value as object).flatMap(([k, item]) => missingRequired(schema.getValueSchema(), item, `${path}.${k}`));
  }
  return [];
}

export type Fixtures = { userName: string; groupName: string; roleName: string; policyName: string; instanceProfileName: string };

const IDENTITY_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:Get*", Resource: "*" }] });
const TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::000000000000:root" }, Action: "sts:AssumeRole" }],
});

/** Values for required members, by member name, pointing at the fixtures so most calls reach their success path. */
function byMember(f: Fixtures): Record<string, unknown> {
  const account = "arn:aws:iam::000000000000";
  return {
    UserName: f.userName,
    GroupName: f.groupName,
    RoleName: f.roleName,
    PolicyName: f.policyName,
    InstanceProfileName: f.instanceProfileName,
    AWSServiceName: "elasticbeanstalk.amazonaws.com",
    PolicyArn: `${account}:policy/${f.policyName}`,
    PermissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess",
    PolicySourceArn: `${account}:user/${f.userName}`,
    EntityArn: `${account}:user/${f.userName}`,
    Arn: `${account}:user/${f.userName}`,
    RoleArn: `${account}:role/${f.roleName}`,
    OpenIDConnectProviderArn: `${account}:oidc-provider/rt.example.com`,
    SAMLProviderArn: `${account}:saml-provider/rt-saml`,
    PrincipalArn: `${account}:saml-provider/rt-saml`,
    PolicyDocument: IDENTITY_POLICY,
    AssumeRolePolicyDocument: TRUST_POLICY,
    PolicyInputList: [IDENTITY_POLICY],
    SerialNumber: `${account}:mfa/rt-mfa`,
    AuthenticationCode1: "123456",
    AuthenticationCode2: "654321",
    VersionId: "v1",
    AccessKeyId: "AKIAAAAAAAAAAAAAAAAA",
    CertificateId: "A".repeat(24),
    SSHPublicKeyId: "APKA".padEnd(20, "A"),
    ServiceSpecificCredentialId: "ACCA".padEnd(20, "A"),
    DelegationRequestId: "rt-delegation-0001",
    Tags: [{ Key: "rt", Value: "v" }],
    TagKeys: ["rt"],
    OldPassword: "Old-Passw0rd!",
    NewPassword: "New-Passw0rd!",
    AccountAlias: "rt-alias-123",
    JobId: "00000000-0000-4000-8000-000000000000",
    Url: "https://rt.example.com",
    ThumbprintList: ["0".repeat(40)],
    ClientID: "rt-client",
    SAMLMetadataDocument: `<EntityDescriptor>${" ".repeat(1000)}</EntityDescriptor>`,
    Name: "rt-name",
    EntityPath: "o-abcdefghij/r-abcd",
    ServiceNamespace: "iam",
    ServiceNamespaces: ["iam"],
    ActionNames: ["iam:ListUsers"],
    Description: "round trip",
    Status: "Active",
    Encoding: "SSH",
    ServiceName: "codecommit.amazonaws.com",
    GlobalEndpointTokenVersion: "v2Token",
    VirtualMFADeviceName: "rt-mfa",
    DeletionTaskId: "task/aws-service-role/rt/1",
    RoleSessionName: "rt-session",
    EncodedMessage: "rt-message",
    TargetPrincipal: "000000000000",
    WebIdentityToken: "rt-web-identity-token",
    SAMLAssertion: "rt-saml-assertion",
    CertificateBody: "-----BEGIN CERTIFICATE-----",
    PrivateKey: "-----BEGIN RSA PRIVATE KEY-----",
    SSHPublicKeyBody: "ssh-rsa AAAA rt",
    NotificationChannel: "arn:aws:sns:us-east-1:000000000000:rt",
    RequestorWorkflowId: "rt-workflow",
    SessionDuration: 3600,
    Audience: ["rt"],
    SigningAlgorithm: "RS256",
    TradeInToken: "rt-token",
  };
}

/** Where a member's meaning depends on the action. */
const BY_ACTION: Record<string, Record<string, unknown>> = { UpdateAssumeRolePolicy: { PolicyDocument: TRUST_POLICY } };

/** A minimal input: every required member (recursively), from the fixtures table or built from the shape's constraints. */
export function minimalInput(service: ServiceName, action: string, f: Fixtures): Record<string, unknown> {
  const model = constraints[service];
  const table = { ...byMember(f), ...BY_ACTION[action] };
  const build = (shapeName: string, member: string): unknown => {
    if (member in table) return table[member];
    const shape = model.shapes[shapeName];
    if (shape.enum) return shape.enum[0];
    if (shape.type === "integer" || shape.type === "long") return shape.min ?? 1;
    if (shape.type === "boolean") return false;
    if (shape.type === "list") return [build(shape.member!, member)];
    if (shape.type === "structure") return struct(shape);
    return "rt".padEnd(Math.max(shape.min ?? 0, 4), "x").slice(0, shape.max ?? 64);
  };
  const struct = (shape: Shape) => Object.fromEntries((shape.required ?? []).map((m) => [m, build(shape.members![m], m)]));
  const opShape = model.operations[action];
  return opShape ? struct(model.shapes[opShape]) : {};
}
