import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import {
  DeleteServerCertificateCommand,
  GetAccountSummaryCommand,
  GetServerCertificateCommand,
  ListServerCertificateTagsCommand,
  ListServerCertificatesCommand,
  TagServerCertificateCommand,
  UntagServerCertificateCommand,
  UpdateServerCertificateCommand,
  UploadServerCertificateCommand,
  type UploadServerCertificateCommandInput,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { allow, iamUser, policy } from "../helpers/iam-user";
import { fixture } from "../helpers/certificates";

const ACCOUNT = "000000000000";

describe("IAM server certificates", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const valid = (name = unique("cert")): UploadServerCertificateCommandInput => ({
    ServerCertificateName: name,
    CertificateBody: fixture("server.pem"),
    PrivateKey: fixture("server.key"),
    CertificateChain: fixture("ca.pem"),
  });
  const upload = (input: UploadServerCertificateCommandInput) => h.iam.send(new UploadServerCertificateCommand(input));
  const remove = (ServerCertificateName: string) => h.iam.send(new DeleteServerCertificateCommand({ ServerCertificateName }));

  it("uploads a certificate with its chain and key: ASCA ID, ARN with its path, expiry from the certificate", async () => {
    const input = { ...valid(), Path: "/cloudfront/", Tags: [{ Key: "env", Value: "prod" }] };
    const out = await upload(input);
    const m = out.ServerCertificateMetadata!;
    assert.match(m.ServerCertificateId!, /^ASCA[A-Z2-7]{17}$/);
    assert.equal(m.Arn, `arn:aws:iam::${ACCOUNT}:server-certificate/cloudfront/${input.ServerCertificateName}`);
    assert.equal(m.Path, "/cloudfront/");
    assert.equal(m.Expiration!.getTime(), Date.parse(new X509Certificate(fixture("server.pem")).validTo));
    assert.deepEqual(out.Tags, [{ Key: "env", Value: "prod" }]);

    const { ServerCertificate: got } = await h.iam.send(
      new GetServerCertificateCommand({ ServerCertificateName: input.ServerCertificateName }),
    );
    assert.equal(got!.CertificateBody, fixture("server.pem").trim());
    assert.equal(got!.CertificateChain, fixture("ca.pem").trim());
    assert.deepEqual(got!.ServerCertificateMetadata, m);
    assert.deepEqual(got!.Tags, [{ Key: "env", Value: "prod" }]);
    assert.equal("PrivateKey" in got!, false);
    assert.equal((await h.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.ServerCertificates, 1);
    await remove(input.ServerCertificateName!);
  });

  it("checks the key matches, the certificate is current and PEM, the chain issued it, and the key is usable", async () => {
    const fails = async (input: UploadServerCertificateCommandInput) => awsError(upload(input));
    assert.deepEqual(await fails({ ...valid(), PrivateKey: fixture("other.key") }), {
      name: "KeyPairMismatchException",
      message: "Public Key Certificate and Private Key doesn't match.",
      status: 400,
    });
    assert.deepEqual(await fails({ ...valid(), CertificateBody: "certbody" }), {
      name: "MalformedCertificateException",
      message: "Unable to parse certificate. Please ensure the certificate is in PEM format.",
      status: 400,
    });
    assert.deepEqual(await fails({ ...valid(), CertificateBody: fixture("expired.pem"), PrivateKey: fixture("expired.key") }), {
      name: "MalformedCertificateException",
      message: "Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.",
      status: 400,
    });
    const chain = await fails({ ...valid(), CertificateChain: fixture("signing-1.pem") });
    assert.equal(chain.name, "MalformedCertificateException");
    assert.equal(
      chain.message,
      "Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, " +
        "followed by any intermediaries in order. The index within the chain of the invalid certificate is: 0",
    );
    const second = await fails({ ...valid(), CertificateChain: fixture("ca.pem") + fixture("signing-1.pem") });
    assert.match(second.message, /invalid certificate is: 1$/);
    assert.deepEqual(await fails({ ...valid(), PrivateKey: "privatekey" }), {
      name: "MalformedCertificateException",
      message: "Unable to parse private key. Please ensure the private key is in PEM format and not encrypted.",
      status: 400,
    });
    const ec = await upload({ ServerCertificateName: unique("ec"), CertificateBody: fixture("ec.pem"), PrivateKey: fixture("ec.key") });
    assert.equal(ec.ServerCertificateMetadata!.Path, "/");
    await remove(ec.ServerCertificateMetadata!.ServerCertificateName!);
  });

  it("refuses a name taken in any case (EntityAlreadyExists) and a 21st certificate (LimitExceeded)", async () => {
    const name = unique("dup");
    await upload(valid(name));
    assert.deepEqual(await awsError(upload(valid(name.toUpperCase()))), {
      name: "EntityAlreadyExistsException",
      message: `The Server Certificate with name ${name.toUpperCase()} already exists.`,
      status: 409,
    });
    const names = [name];
    for (let i = 1; i < 20; i++) names.push((await upload(valid())).ServerCertificateMetadata!.ServerCertificateName!);
    assert.deepEqual(await awsError(upload(valid())), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for ServerCertificatesPerAccount: 20",
      status: 409,
    });
    const first = await h.iam.send(new ListServerCertificatesCommand({ MaxItems: 15 }));
    const rest = await h.iam.send(new ListServerCertificatesCommand({ Marker: first.Marker }));
    assert.equal(first.IsTruncated, true);
    assert.deepEqual(
      [...first.ServerCertificateMetadataList!, ...rest.ServerCertificateMetadataList!].map((c) => c.ServerCertificateName),
      [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    for (const n of names) await remove(n);
  });

  it("renames and moves a certificate, lists by path prefix, and tags it", async () => {
    const name = unique("web");
    await upload(valid(name));
    const renamed = `${name}-2026`;
    await h.iam.send(
      new UpdateServerCertificateCommand({ ServerCertificateName: name, NewServerCertificateName: renamed, NewPath: "/elb/" }),
    );
    const gone = await awsError(h.iam.send(new GetServerCertificateCommand({ ServerCertificateName: name })));
    assert.deepEqual(gone, {
      name: "NoSuchEntityException",
      message: `The Server Certificate with name ${name} cannot be found.`,
      status: 404,
    });
    const { ServerCertificateMetadataList: inElb } = await h.iam.send(new ListServerCertificatesCommand({ PathPrefix: "/elb/" }));
    assert.deepEqual(
      inElb!.map((c) => [c.ServerCertificateName, c.Arn]),
      [[renamed, `arn:aws:iam::${ACCOUNT}:server-certificate/elb/${renamed}`]],
    );
    assert.deepEqual(
      (await h.iam.send(new ListServerCertificatesCommand({ PathPrefix: "/cloudfront/" }))).ServerCertificateMetadataList,
      [],
    );

    const other = unique("other");
    await upload(valid(other));
    const taken = await awsError(
      h.iam.send(new UpdateServerCertificateCommand({ ServerCertificateName: other, NewServerCertificateName: renamed })),
    );
    assert.equal(taken.name, "EntityAlreadyExistsException");

    await h.iam.send(
      new TagServerCertificateCommand({
        ServerCertificateName: renamed,
        Tags: [
          { Key: "team", Value: "web" },
          { Key: "env", Value: "prod" },
        ],
      }),
    );
    await h.iam.send(new UntagServerCertificateCommand({ ServerCertificateName: renamed, TagKeys: ["ENV"] }));
    const { Tags } = await h.iam.send(new ListServerCertificateTagsCommand({ ServerCertificateName: renamed }));
    assert.deepEqual(Tags, [{ Key: "team", Value: "web" }]);
    const bad = await awsError(
      h.iam.send(new TagServerCertificateCommand({ ServerCertificateName: renamed, Tags: [{ Key: "aws:x", Value: "" }] })),
    );
    assert.equal(bad.name, "InvalidInputException");
    for (const n of [renamed, other]) await remove(n);
    assert.equal((await awsError(remove(other))).name, "NoSuchEntityException");
  });

  it("authorizes on the certificate's ARN, by its tags, and the tags requested on upload", async () => {
    const tagged = unique("tagged");
    await upload({ ...valid(tagged), Tags: [{ Key: "team", Value: "web" }] });
    const me = await iamUser(h, {
      inline: policy(
        allow("iam:GetServerCertificate", "*", { StringEquals: { "aws:ResourceTag/team": "web" } }),
        allow("iam:UploadServerCertificate", `arn:aws:iam::${ACCOUNT}:server-certificate/team/*`),
      ),
    });
    await me.iam.send(new GetServerCertificateCommand({ ServerCertificateName: tagged }));
    const other = unique("untagged");
    await upload(valid(other));
    const denied = await awsError(me.iam.send(new GetServerCertificateCommand({ ServerCertificateName: other })));
    assert.equal(denied.name, "AccessDenied");
    assert.match(
      denied.message,
      new RegExp(`iam:GetServerCertificate on resource: arn:aws:iam::${ACCOUNT}:server-certificate/${other} because`),
    );
    const mine = unique("mine");
    await me.iam.send(new UploadServerCertificateCommand({ ...valid(mine), Path: "/team/" }));
    const withTags = await awsError(
      me.iam.send(new UploadServerCertificateCommand({ ...valid(unique("t")), Path: "/team/", Tags: [{ Key: "a", Value: "b" }] })),
    );
    assert.match(withTags.message, /iam:TagServerCertificate/);
    for (const n of [tagged, other, mine]) await remove(n);
  });
});
