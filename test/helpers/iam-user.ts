import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand, type Tag } from "@aws-sdk/client-iam";
import { unique, type Harness } from "./local-aws";

export const ACCOUNT = "000000000000";

export type TestUser = { name: string; arn: string; accessKeyId: string; secretAccessKey: string } & ReturnType<Harness["client"]>;

export type UserSetup = {
  prefix?: string;
  path?: string;
  tags?: Tag[];
  /** Managed policies to attach (AWS managed names like `IAMReadOnlyAccess` or full ARNs). */
  managed?: string[];
  /** An inline policy document (object or JSON text), put as `inline`. */
  inline?: unknown;
  boundary?: string;
};

export const managedArn = (name: string) => (name.startsWith("arn:") ? name : `arn:aws:iam::aws:policy/${name}`);

/** An IAM user created by root, with an access key and clients signed with it. */
export async function iamUser(h: Harness, setup: UserSetup = {}): Promise<TestUser> {
  const name = unique(setup.prefix ?? "authz");
  const { User } = await h.iam.send(
    new CreateUserCommand({
      UserName: name,
      Path: setup.path,
      Tags: setup.tags,
      PermissionsBoundary: setup.boundary && managedArn(setup.boundary),
    }),
  );
  for (const m of setup.managed ?? []) await h.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: managedArn(m) }));
  if (setup.inline !== undefined) {
    const PolicyDocument = typeof setup.inline === "string" ? setup.inline : JSON.stringify(setup.inline);
    await h.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "inline", PolicyDocument }));
  }
  const { AccessKey } = await h.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  const accessKeyId = AccessKey!.AccessKeyId!;
  const secretAccessKey = AccessKey!.SecretAccessKey!;
  return { name, arn: User!.Arn!, accessKeyId, secretAccessKey, ...h.client(accessKeyId, secretAccessKey) };
}

/** A policy document with one statement per entry. */
export const policy = (...Statement: Record<string, unknown>[]) => ({ Version: "2012-10-17", Statement });
export const allow = (Action: string | string[], Resource: string | string[] = "*", Condition?: unknown) => ({
  Effect: "Allow",
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
export const deny = (Action: string | string[], Resource: string | string[] = "*", Condition?: unknown) => ({
  Effect: "Deny",
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
