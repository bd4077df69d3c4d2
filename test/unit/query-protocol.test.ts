import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as iam from "@aws-sdk/client-iam";
import { parseXML } from "@aws-sdk/xml-builder";
import { paramTree, readInput, writeResponse, isoSeconds, QueryParseError } from "../../local-aws/protocol/query";
import { AwsError, errorXml, escapeXml } from "../../local-aws/protocol/errors";

const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const schemas = iam as unknown as Record<string, unknown[]>;
const input = (action: string) => (schemas[`${action}$`][4] as () => unknown)();
const output = (action: string) => (schemas[`${action}$`][5] as () => unknown)();
const read = (action: string, query: string) => readInput(input(action), paramTree(new URLSearchParams(query)));

/** A structure with a string map and a blob, shapes IAM's inputs do not have: [3, namespace, name, traits, members, member schemas]. */
const MAP_AND_BLOB = [3, "test", "MapAndBlob", 0, ["Labels", "Data", "At"], [128, 21, 4]];

describe("Query input parsing", () => {
  it("reads lists of structures in index order, whatever order the parameters came in", () => {
    const got = read("CreateUser", "UserName=a&Tags.member.2.Key=k2&Tags.member.2.Value=v2&Tags.member.1.Key=k1&Tags.member.1.Value=v1");
    assert.deepEqual(got, {
      UserName: "a",
      Tags: [
        { Key: "k1", Value: "v1" },
        { Key: "k2", Value: "v2" },
      ],
    });
  });

  it("reads an empty list written as `Tags=` as []", () => {
    assert.deepEqual(read("UntagUser", "UserName=a&TagKeys="), { UserName: "a", TagKeys: [] });
  });

  it("reads nested structures and lists inside list members", () => {
    const got = read(
      "SimulatePrincipalPolicy",
      "PolicySourceArn=arn:aws:iam::000000000000:user/a&ActionNames.member.1=iam:GetUser&MaxItems=10" +
        "&ContextEntries.member.1.ContextKeyName=aws:username&ContextEntries.member.1.ContextKeyType=string" +
        "&ContextEntries.member.1.ContextKeyValues.member.1=x&ContextEntries.member.1.ContextKeyValues.member.2=y",
    );
    assert.deepEqual(got, {
      PolicySourceArn: "arn:aws:iam::000000000000:user/a",
      ActionNames: ["iam:GetUser"],
      MaxItems: 10,
      ContextEntries: [{ ContextKeyName: "aws:username", ContextKeyType: "string", ContextKeyValues: ["x", "y"] }],
    });
  });

  it("reads maps from entry.N.key / entry.N.value, blobs from base64 and ISO or epoch timestamps", () => {
    const got = readInput(
      MAP_AND_BLOB,
      paramTree(
        new URLSearchParams(
          "Labels.entry.1.key=a&Labels.entry.1.value=1&Labels.entry.2.key=__proto__&Labels.entry.2.value=2&Data=aGk%3D&At=2020-01-02T03:04:05Z",
        ),
      ),
    );
    assert.deepEqual(Object.keys(got.Labels as object), ["a", "__proto__"]);
    assert.equal(Object.getPrototypeOf(got.Labels), Object.prototype);
    assert.equal(Buffer.from(got.Data as Uint8Array).toString(), "hi");
    assert.equal((got.At as Date).toISOString(), "2020-01-02T03:04:05.000Z");
    const epoch = readInput(MAP_AND_BLOB, paramTree(new URLSearchParams("At=1577934245.5")));
    assert.equal((epoch.At as Date).toISOString(), "2020-01-02T03:04:05.500Z");
  });

  it("reads booleans and numbers strictly, naming the parameter", () => {
    assert.deepEqual(read("CreateLoginProfile", "Password=p&PasswordResetRequired=true"), { Password: "p", PasswordResetRequired: true });
    assert.throws(
      () => read("CreateLoginProfile", "PasswordResetRequired=yes"),
      new QueryParseError("Invalid boolean value for PasswordResetRequired: yes"),
    );
    for (const bad of ["", "0x10", "1e", " 1", "Infinity", "NaN"]) {
      assert.throws(() => read("ListUsers", `MaxItems=${encodeURIComponent(bad)}`), QueryParseError, bad);
    }
    assert.throws(() => readInput(MAP_AND_BLOB, paramTree(new URLSearchParams("At=yesterday"))), /Invalid timestamp value for At/);
  });

  it("refuses list indexes that are not positive integers", () => {
    for (const index of ["x", "0", "-1", "01", "", "1e3"]) {
      assert.throws(() => read("CreateUser", `UserName=a&Tags.member.${index}.Key=k`), /Invalid list index/, index);
    }
  });

  it("ignores parameters the operation does not have", () => {
    assert.deepEqual(read("GetUser", "UserName=a&Bogus=1&UserName.extra=2&constructor=x"), { UserName: "a" });
  });
});

describe("Query output serialisation", () => {
  it("writes <XResponse><XResult>…</XResult><ResponseMetadata/> in model order, timestamps without milliseconds", () => {
    const xml = writeResponse(
      "GetUser",
      output("GetUser"),
      {
        User: {
          UserId: "AIDA",
          Arn: "arn",
          Path: "/",
          UserName: "a",
          CreateDate: new Date("2020-01-02T03:04:05.678Z"),
          Tags: [{ Key: "k", Value: "v" }],
        },
      },
      NS,
      "req-1",
    );
    assert.equal(
      xml,
      `<GetUserResponse xmlns="${NS}">\n  <GetUserResult>\n    <User>\n      <Path>/</Path>\n      <UserName>a</UserName>\n` +
        `      <UserId>AIDA</UserId>\n      <Arn>arn</Arn>\n      <CreateDate>2020-01-02T03:04:05Z</CreateDate>\n      <Tags>\n` +
        `        <member>\n          <Key>k</Key>\n          <Value>v</Value>\n        </member>\n      </Tags>\n    </User>\n` +
        `  </GetUserResult>\n  <ResponseMetadata>\n    <RequestId>req-1</RequestId>\n  </ResponseMetadata>\n</GetUserResponse>\n`,
    );
  });

  it("writes empty lists as <X/>, omits absent members and writes no Result for actions without output", () => {
    const list = writeResponse("ListUsers", output("ListUsers"), { Users: [], IsTruncated: false }, NS, "r");
    assert.match(list, /<ListUsersResult>\n {4}<Users\/>\n {4}<IsTruncated>false<\/IsTruncated>\n {2}<\/ListUsersResult>/);
    assert.doesNotMatch(list, /Marker/);
    const none = writeResponse("DeleteUser", output("DeleteUser"), undefined, NS, "r");
    assert.equal(
      none,
      `<DeleteUserResponse xmlns="${NS}">\n  <ResponseMetadata>\n    <RequestId>r</RequestId>\n  </ResponseMetadata>\n</DeleteUserResponse>\n`,
    );
  });

  it("writes maps as entry/key/value and blobs as base64", () => {
    const summary = writeResponse("GetAccountSummary", output("GetAccountSummary"), { SummaryMap: { Users: 2, Groups: 0 } }, NS, "r");
    assert.match(
      summary,
      /<SummaryMap>\n {6}<entry>\n {8}<key>Users<\/key>\n {8}<value>2<\/value>\n {6}<\/entry>\n {6}<entry>\n {8}<key>Groups<\/key>/,
    );
    const mfa = writeResponse(
      "CreateVirtualMFADevice",
      output("CreateVirtualMFADevice"),
      { VirtualMFADevice: { SerialNumber: "arn:aws:iam::000000000000:mfa/m", Base32StringSeed: Buffer.from("seed") } },
      NS,
      "r",
    );
    assert.match(mfa, /<Base32StringSeed>c2VlZA==<\/Base32StringSeed>/);
  });

  it("escapes text so the SDK's parser reads back what was written, and replaces what XML 1.0 cannot carry", () => {
    const nasty = `a<b>&c"d'e\rf\u0001g\th\ni\uFFFF`;
    const xml = writeResponse(
      "GetUser",
      output("GetUser"),
      { User: { UserName: nasty, Path: "/", UserId: "x", Arn: "y", CreateDate: new Date(0) } },
      NS,
      "r",
    );
    assert.match(xml, /<UserName>a&lt;b&gt;&amp;c"d'e&#xD;f\uFFFDg\th\ni\uFFFD<\/UserName>/);
    assert.equal(parseXML(xml).GetUserResponse.GetUserResult.User.UserName, `a<b>&c"d'e\rf\uFFFDg\th\ni\uFFFD`);
    assert.equal(escapeXml("plain text / ok"), "plain text / ok");
  });

  it("writes AWS's error document: Type, Code, Message, then RequestId", () => {
    const xml = errorXml(new AwsError("NoSuchEntity", "The user with name <x> cannot be found.", 404), NS, "r-1");
    assert.equal(
      xml,
      `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>NoSuchEntity</Code>\n` +
        `    <Message>The user with name &lt;x&gt; cannot be found.</Message>\n  </Error>\n  <RequestId>r-1</RequestId>\n</ErrorResponse>\n`,
    );
    assert.match(errorXml(new AwsError("ServiceFailure", "m", 500), NS, "r"), /<Type>Receiver<\/Type>/);
  });

  it("formats timestamps as ISO 8601 seconds", () => {
    assert.equal(isoSeconds(new Date("2024-02-29T23:59:59.999Z")), "2024-02-29T23:59:59Z");
  });
});
