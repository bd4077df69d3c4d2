import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  AttachUserPolicyCommand,
  CreateUserCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  PutUserPermissionsBoundaryCommand,
  type ListPoliciesCommandInput,
  type Policy,
} from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";

const arn = (pathAndName: string) => `arn:aws:iam::aws:policy/${pathAndName}`;
const READ_ONLY = arn("ReadOnlyAccess");
const ADMIN = arn("AdministratorAccess");
const VIEW_ONLY = arn("job-function/ViewOnlyAccess");

describe("AWS managed policy catalogue", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  const listAll = async (input: ListPoliciesCommandInput) => {
    const out: Policy[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListPoliciesCommand({ ...input, Marker }));
      out.push(...page.Policies!);
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    return out;
  };
  const getPolicy = async (policyArn: string) => (await h.iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy!;

  it("GetPolicy returns AWS's description, PolicyId, path and dates for ReadOnlyAccess", async () => {
    const p = await getPolicy(READ_ONLY);
    assert.equal(p.Description, "Provides read-only access to AWS services and resources.");
    assert.equal(p.PolicyId, "ANPAILL3HVNFSB6DCOWYQ");
    assert.equal(p.Path, "/");
    assert.equal(p.CreateDate!.toISOString(), "2015-02-06T18:39:48.000Z");
    // ReadOnlyAccess was at v119, updated 2024-09-16, when AWS's own documentation printed its GetPolicy; it only grows.
    assert.match(p.DefaultVersionId!, /^v\d+$/);
    assert.ok(Number(p.DefaultVersionId!.slice(1)) >= 119);
    assert.ok(p.UpdateDate! >= new Date("2024-09-16T18:53:21Z"));
  });

  it("GetPolicyVersion dates the default version when the policy was last updated, as AWS does", async () => {
    for (const policyArn of [READ_ONLY, arn("PowerUserAccess"), ADMIN]) {
      const p = await getPolicy(policyArn);
      const { PolicyVersion } = await h.iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: p.DefaultVersionId }));
      assert.equal(PolicyVersion!.IsDefaultVersion, true);
      assert.equal(PolicyVersion!.CreateDate!.toISOString(), p.UpdateDate!.toISOString(), policyArn);
    }
  });

  it("AdministratorAccess is AWS's v1 of 2015 with its real PolicyId and description", async () => {
    const p = await getPolicy(ADMIN);
    assert.deepEqual(
      [p.PolicyId, p.Description, p.DefaultVersionId, p.CreateDate!.toISOString(), p.UpdateDate!.toISOString()],
      [
        "ANPAIWMBCKSKIEE64ZLYK",
        "Provides full access to AWS services and resources.",
        "v1",
        "2015-02-06T18:39:46.000Z",
        "2015-02-06T18:39:46.000Z",
      ],
    );
  });

  it("lists the job-function policies under /job-function/, with their real PolicyIds", async () => {
    const jobs = await listAll({ Scope: "AWS", PathPrefix: "/job-function/" });
    const byName = new Map(jobs.map((p) => [p.PolicyName!, p]));
    for (const name of [
      "ViewOnlyAccess",
      "SupportUser",
      "SystemAdministrator",
      "DatabaseAdministrator",
      "DataScientist",
      "NetworkAdministrator",
      "Billing",
    ]) {
      assert.ok(byName.has(name), name);
    }
    assert.ok(jobs.every((p) => p.Path === "/job-function/" && p.Arn === arn(`job-function/${p.PolicyName}`)));
    assert.equal(byName.get("ViewOnlyAccess")!.PolicyId, "ANPAID22R6XPJATWOFDK6");
    assert.equal(byName.get("Billing")!.PolicyId, "ANPAIFTHXT6FFMIRT7ZEA");
    assert.ok(jobs.every((p) => p.Description === undefined));
    const viewOnly = await getPolicy(VIEW_ONLY);
    assert.equal(viewOnly.PolicyId, "ANPAID22R6XPJATWOFDK6");
    assert.ok(viewOnly.Description && viewOnly.Description.length > 10);
  });

  it("ListPolicies leaves Description out, as AWS does, and shows the same PolicyId as GetPolicy", async () => {
    const all = await listAll({ Scope: "AWS", MaxItems: 1000 });
    assert.ok(all.length > 1500);
    assert.ok(all.every((p) => p.Description === undefined && p.Tags === undefined));
    assert.ok(all.every((p) => /^ANPA[A-Z0-9]{17}$/.test(p.PolicyId!)));
    assert.equal(new Set(all.map((p) => p.PolicyId)).size, all.length);
    const readOnly = all.find((p) => p.Arn === READ_ONLY)!;
    const got = await getPolicy(READ_ONLY);
    assert.deepEqual(
      [readOnly.PolicyId, readOnly.DefaultVersionId, readOnly.CreateDate, readOnly.UpdateDate],
      [got.PolicyId, got.DefaultVersionId, got.CreateDate, got.UpdateDate],
    );
    const paths = new Set(all.map((p) => p.Path));
    for (const path of ["/", "/service-role/", "/aws-service-role/", "/job-function/"]) assert.ok(paths.has(path), path);
  });

  it("OnlyAttached and PolicyUsageFilter list attached AWS policies with their real PolicyIds", async () => {
    const user = unique("mp");
    await h.iam.send(new CreateUserCommand({ UserName: user }));
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: READ_ONLY }));
    await h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: user, PermissionsBoundary: ADMIN }));
    const attached = await listAll({ Scope: "AWS", OnlyAttached: true, PolicyUsageFilter: "PermissionsPolicy" });
    const ro = attached.find((p) => p.Arn === READ_ONLY)!;
    assert.deepEqual([ro.PolicyId, ro.Description, ro.AttachmentCount! >= 1], ["ANPAILL3HVNFSB6DCOWYQ", undefined, true]);
    const boundaries = await listAll({ Scope: "AWS", OnlyAttached: true, PolicyUsageFilter: "PermissionsBoundary" });
    const admin = boundaries.find((p) => p.Arn === ADMIN)!;
    assert.deepEqual([admin.PolicyId, admin.PermissionsBoundaryUsageCount! >= 1], ["ANPAIWMBCKSKIEE64ZLYK", true]);
  });
});

describe("AWS managed policy catalogue in a store seeded by an older catalogue", () => {
  it("is reloaded at start, keeping the account's attachments", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "clef-catalogue-"));
    try {
      const first = await startHarness({ dataDir });
      const user = unique("keep");
      await first.iam.send(new CreateUserCommand({ UserName: user }));
      await first.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: READ_ONLY }));
      await first.stop();

      // What an older catalogue left: no descriptions, made-up IDs, and no record of which catalogue it was.
      const db = new Database(join(dataDir, "local-aws.sqlite"));
      db.prepare(
        `UPDATE policy_versions SET policy_id = 'ANPAOLD' || (SELECT rowid FROM policies p WHERE p.policy_id = policy_versions.policy_id)
         WHERE policy_id IN (SELECT policy_id FROM policies WHERE account_id = 'aws')`,
      ).run();
      db.prepare("UPDATE policies SET description = NULL, policy_id = 'ANPAOLD' || rowid WHERE account_id = 'aws'").run();
      db.prepare("DELETE FROM meta WHERE key LIKE 'managed-policy-catalogue%'").run();
      db.close();

      const second = await startHarness({ dataDir });
      try {
        const p = (await second.iam.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy!;
        assert.deepEqual(
          [p.PolicyId, p.Description, p.AttachmentCount],
          ["ANPAILL3HVNFSB6DCOWYQ", "Provides read-only access to AWS services and resources.", 1],
        );
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
