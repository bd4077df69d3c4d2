import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { anyArn, arnParts, fillArn, resourceTypeOf } from "../../lib/policy/visual/arn-template";
import { lookupAction } from "../../lib/policy/catalogue";

const s3Types = [...lookupAction("s3:GetObject")!.resourceTypes, ...lookupAction("s3:ListBucket")!.resourceTypes];

describe("visual editor: the ARN builder", () => {
  it("asks for every part of a resource type's ARN but the partition, with readable labels", () => {
    const accessPoint = s3Types.find((t) => t.name === "accesspoint")!;
    assert.deepEqual(
      arnParts(accessPoint.arnPattern).map((p) => p.label),
      ["Region", "Account", "Access point name"],
    );
    assert.deepEqual(
      arnParts("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}").map((p) => p.label),
      ["Account", "Role name with path"],
    );
  });

  it("fills the ARN, a missing or empty part meaning any", () => {
    const object = s3Types.find((t) => t.name === "object")!;
    assert.equal(fillArn(object.arnPattern, { BucketName: "b", ObjectName: "" }), "arn:aws:s3:::b/*");
    assert.equal(fillArn(object.arnPattern, { BucketName: "b", ObjectName: "k/1" }), "arn:aws:s3:::b/k/1");
    assert.equal(anyArn(object.arnPattern, "aws-cn"), "arn:aws-cn:s3:::*/*");
  });

  it("files an ARN under the most specific resource type it matches, and none when it matches none", () => {
    assert.equal(resourceTypeOf("arn:aws:s3:::b", s3Types)?.name, "bucket");
    assert.equal(resourceTypeOf("arn:aws:s3:::b/*", s3Types)?.name, "object");
    assert.equal(resourceTypeOf("arn:aws:s3:us-east-1:123456789012:accesspoint/ap", s3Types)?.name, "accesspoint");
    assert.equal(resourceTypeOf("arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k", s3Types)?.name, "accesspointobject");
    assert.equal(resourceTypeOf("arn:aws:iam::123456789012:role/r", s3Types), undefined);
  });
});
