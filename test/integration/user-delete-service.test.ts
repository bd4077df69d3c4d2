import "../helpers/server-only";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import {
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  GetUserCommand,
  UploadSigningCertificateCommand,
  UploadSSHPublicKeyCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { rootPrincipal } from "../helpers/server-services";
import { fixture } from "../helpers/certificates";

const ENV = ["CLEF_BACKEND", "CLEF_AWS_ENDPOINT"] as const;

describe("the console's Delete user (deleteUser) removes what IAM's DeleteUser refuses to orphan", () => {
  let h: Harness;
  let deleteUser: typeof import("../../lib/server/services/users-write").deleteUser;
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

  before(async () => {
    h = await startHarness();
    delete process.env.CLEF_BACKEND;
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    ({ deleteUser } = await import("../../lib/server/services/users-write"));
  });
  after(async () => {
    for (const k of ENV)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    await h.stop();
  });

  it("deletes SSH public keys, signing certificates and service-specific credentials, then the user", async () => {
    const UserName = unique("del");
    await h.iam.send(new CreateUserCommand({ UserName }));
    const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }) as string;
    await h.iam.send(new UploadSSHPublicKeyCommand({ UserName, SSHPublicKeyBody: key }));
    await h.iam.send(new UploadSigningCertificateCommand({ UserName, CertificateBody: fixture("signing-2.pem") }));
    await h.iam.send(new CreateServiceSpecificCredentialCommand({ UserName, ServiceName: "codecommit.amazonaws.com" }));
    await h.iam.send(new CreateServiceSpecificCredentialCommand({ UserName, ServiceName: "bedrock.amazonaws.com" }));

    assert.deepEqual(await deleteUser({ principal: rootPrincipal(h), input: { userName: UserName } }), { userName: UserName });
    assert.equal((await awsError(h.iam.send(new GetUserCommand({ UserName })))).name, "NoSuchEntityException");
  });
});
