import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import {
  CreateUserCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  GetSSHPublicKeyCommand,
  ListSSHPublicKeysCommand,
  UpdateSSHPublicKeyCommand,
  UploadSSHPublicKeyCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { iamUser, policy, allow } from "../helpers/iam-user";

const rsa = (bits = 2048) => generateKeyPairSync("rsa", { modulusLength: bits }).publicKey;

/** The OpenSSH encoding, written here independently of local-aws: "ssh-rsa", e and n as SSH strings. */
function openSsh(key: KeyObject, comment = "dev@example.com"): { line: string; wire: Buffer } {
  const jwk = key.export({ format: "jwk" });
  const str = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const mp = (b64: string) => {
    const b = Buffer.from(b64, "base64url");
    return str(b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
  };
  const wire = Buffer.concat([str(Buffer.from("ssh-rsa")), mp(jwk.e!), mp(jwk.n!)]);
  return { line: `ssh-rsa ${wire.toString("base64")} ${comment}`, wire };
}

const md5Colons = (wire: Buffer) => createHash("md5").update(wire).digest("hex").match(/../g)!.join(":");

describe("IAM SSH public keys", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const newUser = async () => {
    const name = unique("ssh-user");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    return name;
  };

  it("uploads an ssh-rsa key: APKA ID, MD5 fingerprint of the key blob, Active, body as sent", async () => {
    const user = await newUser();
    const { line, wire } = openSsh(rsa());
    const { SSHPublicKey: k } = await h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: line }));
    assert.equal(k!.UserName, user);
    assert.match(k!.SSHPublicKeyId!, /^APKA[A-Z2-7]{16}$/);
    assert.equal(k!.Fingerprint, md5Colons(wire));
    assert.equal(k!.Status, "Active");
    assert.equal(k!.SSHPublicKeyBody, line);
    assert.ok(k!.UploadDate instanceof Date);
  });

  it("uploads a PEM key and returns it in either encoding", async () => {
    const user = await newUser();
    const key = rsa();
    const pem = key.export({ type: "spki", format: "pem" }) as string;
    const { wire } = openSsh(key);
    const { SSHPublicKey: up } = await h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: pem }));
    assert.equal(up!.Fingerprint, md5Colons(wire));
    const get = (Encoding: "SSH" | "PEM") =>
      h.iam.send(new GetSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: up!.SSHPublicKeyId, Encoding }));
    assert.equal((await get("PEM")).SSHPublicKey!.SSHPublicKeyBody, pem);
    assert.equal((await get("SSH")).SSHPublicKey!.SSHPublicKeyBody, `ssh-rsa ${wire.toString("base64")}`);
    const pkcs1 = key.export({ type: "pkcs1", format: "pem" }) as string;
    const other = await newUser();
    const { SSHPublicKey: again } = await h.iam.send(new UploadSSHPublicKeyCommand({ UserName: other, SSHPublicKeyBody: pkcs1 }));
    assert.equal(again!.Fingerprint, up!.Fingerprint, "the same key in PKCS#1 has the same fingerprint");
  });

  it("refuses the same key twice for one user, in any encoding (DuplicateSSHPublicKey, 400)", async () => {
    const user = await newUser();
    const key = rsa();
    await h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: openSsh(key).line }));
    const pem = key.export({ type: "spki", format: "pem" }) as string;
    const e = await awsError(h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: pem })));
    assert.deepEqual(e, {
      name: "DuplicateSSHPublicKeyException",
      message: "The SSH public key is already associated with the specified IAM user.",
      status: 400,
    });
  });

  it("rejects other key types and encodings (UnrecognizedPublicKeyEncoding) and malformed or short keys (InvalidPublicKey)", async () => {
    const user = await newUser();
    const upload = (SSHPublicKeyBody: string) => awsError(h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody })));
    const ed = generateKeyPairSync("ed25519").publicKey;
    const edPem = ed.export({ type: "spki", format: "pem" }) as string;
    const edLine = `ssh-ed25519 ${ed.export({ type: "spki", format: "der" }).toString("base64")} me`;
    for (const body of ["not a key", edLine, edPem]) {
      const e = await upload(body);
      assert.equal(e.name, "UnrecognizedPublicKeyEncodingException", body);
      assert.equal(e.status, 400);
      assert.equal(e.message, "The public key encoding format is unsupported or unrecognized.");
    }
    for (const body of ["ssh-rsa AAAAB3NzaC1yc2E= x", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"]) {
      assert.deepEqual(await upload(body), {
        name: "InvalidPublicKeyException",
        message: "The public key is malformed or otherwise invalid.",
        status: 400,
      });
    }
    assert.deepEqual(await upload(openSsh(rsa(1024)).line), {
      name: "InvalidPublicKeyException",
      message: "The public key must be at least 2048 bits long.",
      status: 400,
    });
  });

  it("lists a user's keys in key ID order, pages them, and holds at most 5 (LimitExceeded)", async () => {
    const user = await newUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { SSHPublicKey } = await h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: openSsh(rsa()).line }));
      ids.push(SSHPublicKey!.SSHPublicKeyId!);
    }
    const e = await awsError(h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: openSsh(rsa()).line })));
    assert.deepEqual(e, { name: "LimitExceededException", message: "Cannot exceed quota for SSHPublicKeysPerUser: 5", status: 409 });
    const first = await h.iam.send(new ListSSHPublicKeysCommand({ UserName: user, MaxItems: 3 }));
    assert.equal(first.IsTruncated, true);
    const rest = await h.iam.send(new ListSSHPublicKeysCommand({ UserName: user, Marker: first.Marker }));
    assert.equal(rest.IsTruncated, false);
    const listed = [...first.SSHPublicKeys!, ...rest.SSHPublicKeys!];
    assert.deepEqual(
      listed.map((k) => k.SSHPublicKeyId),
      [...ids].sort(),
    );
    assert.deepEqual(Object.keys(listed[0]).sort(), ["SSHPublicKeyId", "Status", "UploadDate", "UserName"]);
  });

  it("deactivates, reactivates and deletes a key; a missing key or user is NoSuchEntity", async () => {
    const user = await newUser();
    const { SSHPublicKey } = await h.iam.send(new UploadSSHPublicKeyCommand({ UserName: user, SSHPublicKeyBody: openSsh(rsa()).line }));
    const id = SSHPublicKey!.SSHPublicKeyId!;
    await h.iam.send(new UpdateSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: id, Status: "Inactive" }));
    const status = async () => (await h.iam.send(new ListSSHPublicKeysCommand({ UserName: user }))).SSHPublicKeys![0].Status;
    assert.equal(await status(), "Inactive");
    await h.iam.send(new UpdateSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: id, Status: "Active" }));
    assert.equal(await status(), "Active");

    const conflict = await awsError(h.iam.send(new DeleteUserCommand({ UserName: user })));
    assert.deepEqual(conflict, {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must delete SSH public keys first.",
      status: 409,
    });
    await h.iam.send(new DeleteSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: id }));
    const gone = await awsError(h.iam.send(new GetSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: id, Encoding: "SSH" })));
    assert.deepEqual(gone, { name: "NoSuchEntityException", message: `The SSH Public Key with id ${id} cannot be found.`, status: 404 });
    const other = await newUser();
    const elsewhere = await awsError(h.iam.send(new DeleteSSHPublicKeyCommand({ UserName: other, SSHPublicKeyId: id })));
    assert.equal(elsewhere.name, "NoSuchEntityException");
    const noUser = await awsError(h.iam.send(new ListSSHPublicKeysCommand({ UserName: "nobody-here" })));
    assert.deepEqual(noUser, { name: "NoSuchEntityException", message: "The user with name nobody-here cannot be found.", status: 404 });
    await h.iam.send(new DeleteUserCommand({ UserName: user }));
  });

  it("lists the caller's own keys without a user name, and authorizes on the user's ARN", async () => {
    const me = await iamUser(h, {
      inline: policy(allow(["iam:ListSSHPublicKeys", "iam:UploadSSHPublicKey"], "arn:aws:iam::*:user/${aws:username}")),
    });
    await me.iam.send(new UploadSSHPublicKeyCommand({ UserName: me.name, SSHPublicKeyBody: openSsh(rsa()).line }));
    const { SSHPublicKeys } = await me.iam.send(new ListSSHPublicKeysCommand({}));
    assert.equal(SSHPublicKeys!.length, 1);
    assert.equal(SSHPublicKeys![0].UserName, me.name);
    const other = await newUser();
    const denied = await awsError(me.iam.send(new ListSSHPublicKeysCommand({ UserName: other })));
    assert.equal(denied.name, "AccessDenied");
    assert.equal(denied.status, 403);
    assert.match(denied.message, new RegExp(`is not authorized to perform: iam:ListSSHPublicKeys on resource: user ${other} because`));
    assert.deepEqual((await h.iam.send(new ListSSHPublicKeysCommand({}))).SSHPublicKeys, [], "the root has no SSH keys");
  });
});
