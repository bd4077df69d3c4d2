import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { hoverPolicy, referenceUrl } from "../../lib/policy/complete";

function hover(marked: string) {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const result = hoverPolicy(text, offset);
  return result && { ...result, over: text.slice(result.span.start, result.span.end) };
}

describe("hover", () => {
  it("shows an action's service, access level, resource types, condition keys and reference page", () => {
    const h = hover('{"Statement": [{"Action": ["s3:ListBucket", "s3:GetOb|ject"]}]}')!;
    assert.equal(h.over, '"s3:GetObject"');
    assert.match(h.markdown, /^\*\*s3:GetObject\*\* — Amazon S3/);
    assert.match(h.markdown, /Access level: Read/);
    assert.match(h.markdown, /- object\*?: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
    assert.match(h.markdown, /`s3:TlsVersion`/);
    assert.match(h.markdown, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
  });

  it("names the one action hovered, in its canonical case, so the editor can add its description; not a wildcard's", () => {
    assert.equal(hover('{"Statement": [{"Action": "iam:createu|ser"}]}')!.action, "iam:CreateUser");
    assert.equal(hover('{"Statement": [{"Action": "iam:Create*|"}]}')!.action, undefined);
    assert.equal(hover('{"Statement": [{"Condition": {"IpAddress": {"aws:Source|Ip": "10.0.0.0/8"}}}]}')!.action, undefined);
  });

  it("says an action without resource types takes *", () => {
    assert.match(hover('{"Statement": [{"Action": "s3:ListAllMy|Buckets"}]}')!.markdown, /Resource types: none/);
  });

  it("shows a wildcard's expansion: its count and the first 20 actions", () => {
    const h = hover('{"Statement": [{"NotAction": "iam:Get*|"}]}')!;
    const listed = h.markdown.split("\n").filter((l) => l.startsWith("- iam:"));
    assert.match(h.markdown, /^`iam:Get\*` matches \d+ actions/);
    assert.equal(listed.length, 20);
    assert.match(h.markdown, /… and \d+ more/);
    assert.match(hover('{"Statement": [{"Action": "nope:*|"}]}')!.markdown, /matches 0 actions/);
  });

  it("shows a condition operator's meaning and a condition key's type", () => {
    assert.match(hover('{"Statement": [{"Condition": {"ForAnyValue:StringLi|ke": {}}}]}')!.markdown, /At least one value.*wildcards/s);
    const key = hover('{"Statement": [{"Condition": {"IpAddress": {"aws:Source|Ip": "10.0.0.0/8"}}}]}')!;
    assert.equal(key.markdown, "**aws:SourceIp** — IPAddress\n\nGlobal condition key");
    assert.match(hover('{"Statement": [{"Condition": {"StringEquals": {"s3:TlsVer|sion": "1.2"}}}]}')!.markdown, /Numeric/);
  });

  it("shows nothing over unknown actions, other strings, or outside strings", () => {
    assert.equal(hover('{"Statement": [{"Action": "s3:NoSuch|Thing"}]}'), undefined);
    assert.equal(hover('{"Statement": [{"Effect": "Al|low"}]}'), undefined);
    assert.equal(hover('{"Statement": [{"Condition": {"StringEquals": {"aws:SourceIp": "10.0|.0.0"}}}]}'), undefined);
    assert.equal(hover('{"Statement": [{"Action": "s3:GetObject" | }]}'), undefined);
  });

  it("links each service's reference page from its name", () => {
    assert.equal(
      referenceUrl("AWS Identity and Access Management (IAM)"),
      "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html",
    );
  });
});
