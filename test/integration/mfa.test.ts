import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetMFADeviceCommand,
  ListMFADeviceTagsCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { base32Decode, timeStep, totpCode } from "../../local-aws/iam/totp";

const ACCOUNT = "000000000000";

/** The codes an authenticator app shows for the previous and the current 30-second step. */
function codesFor(seed: Uint8Array) {
  const key = base32Decode(Buffer.from(seed).toString("latin1"));
  const step = timeStep(new Date());
  return { AuthenticationCode1: totpCode(key, step - 1), AuthenticationCode2: totpCode(key, step) };
}

describe("IAM virtual MFA devices", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const newUser = async () => {
    const name = unique("mfa-user");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    return name;
  };
  const newDevice = async (Path?: string) => {
    const name = unique("mfa");
    const { VirtualMFADevice } = await h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path }));
    return { name, serial: VirtualMFADevice!.SerialNumber!, seed: VirtualMFADevice!.Base32StringSeed! };
  };
  const enabled = async () => {
    const user = await newUser();
    const device = await newDevice();
    await h.iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: device.serial, ...codesFor(device.seed) }));
    return { user, ...device };
  };

  it("creates a device with its serial ARN, a 64-character base32 seed and a QR code PNG", async () => {
    const name = unique("mfa");
    const { VirtualMFADevice } = await h.iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: "/team/", Tags: [{ Key: "owner", Value: "ops" }] }),
    );
    assert.equal(VirtualMFADevice!.SerialNumber, `arn:aws:iam::${ACCOUNT}:mfa/team/${name}`);
    assert.match(Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString("latin1"), /^[A-Z2-7]{64}$/);
    const png = Buffer.from(VirtualMFADevice!.QRCodePNG!);
    assert.deepEqual(png.subarray(1, 4).toString("latin1"), "PNG");
    assert.deepEqual(VirtualMFADevice!.Tags, [{ Key: "owner", Value: "ops" }]);
    const dup = await awsError(h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name.toUpperCase() })));
    assert.deepEqual(dup, {
      name: "EntityAlreadyExistsException",
      message: "MFADevice entity at the same path and name already exists.",
      status: 409,
    });
  });

  it("enables a device with two consecutive TOTP codes and lists it for the user", async () => {
    const { user, serial } = await enabled();
    const { MFADevices, IsTruncated } = await h.iam.send(new ListMFADevicesCommand({ UserName: user }));
    assert.equal(IsTruncated, false);
    assert.equal(MFADevices!.length, 1);
    assert.equal(MFADevices![0].UserName, user);
    assert.equal(MFADevices![0].SerialNumber, serial);
    assert.ok(Math.abs(MFADevices![0].EnableDate!.getTime() - Date.now()) < 60_000);
    const got = await h.iam.send(new GetMFADeviceCommand({ UserName: user, SerialNumber: serial }));
    assert.deepEqual([got.UserName, got.SerialNumber, got.EnableDate], [user, serial, MFADevices![0].EnableDate]);
  });

  it("rejects wrong codes with InvalidAuthenticationCode (403) and leaves the device unassigned", async () => {
    const user = await newUser();
    const device = await newDevice();
    const { AuthenticationCode1, AuthenticationCode2 } = codesFor(device.seed);
    for (const codes of [
      { AuthenticationCode1: AuthenticationCode2, AuthenticationCode2: AuthenticationCode1 },
      { AuthenticationCode1, AuthenticationCode2: AuthenticationCode1 },
    ]) {
      const e = await awsError(h.iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: device.serial, ...codes })));
      assert.deepEqual(e, {
        name: "InvalidAuthenticationCodeException",
        message: "Authentication code for device is not valid.",
        status: 403,
      });
    }
    assert.deepEqual((await h.iam.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices, []);
    const malformed = await awsError(
      h.iam.send(
        new EnableMFADeviceCommand({
          UserName: user,
          SerialNumber: device.serial,
          AuthenticationCode1: "12a456",
          AuthenticationCode2: "1",
        }),
      ),
    );
    assert.match(malformed.message, /^2 validation errors detected: /);
  });

  it("refuses a device already in use, an unknown user and an unknown device", async () => {
    const { serial, seed } = await enabled();
    const other = await newUser();
    const inUse = await awsError(h.iam.send(new EnableMFADeviceCommand({ UserName: other, SerialNumber: serial, ...codesFor(seed) })));
    assert.deepEqual(inUse, { name: "EntityAlreadyExistsException", message: "MFA Device is already in use.", status: 409 });
    const ghost = await awsError(
      h.iam.send(new EnableMFADeviceCommand({ UserName: "ghost-user", SerialNumber: serial, ...codesFor(seed) })),
    );
    assert.deepEqual(ghost, { name: "NoSuchEntityException", message: "The user with name ghost-user cannot be found.", status: 404 });
    const missing = `arn:aws:iam::${ACCOUNT}:mfa/nonexistent-device`;
    const none = await awsError(h.iam.send(new EnableMFADeviceCommand({ UserName: other, SerialNumber: missing, ...codesFor(seed) })));
    assert.deepEqual(none, {
      name: "NoSuchEntityException",
      message: `MFA Device with serial number ${missing} does not exist.`,
      status: 404,
    });
  });

  it("lists virtual devices by assignment status, with the user when assigned", async () => {
    const { user, serial } = await enabled();
    const spare = await newDevice();
    const serials = (list: { SerialNumber?: string }[]) => list.map((d) => d.SerialNumber);
    const assigned = (await h.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Assigned" }))).VirtualMFADevices!;
    const mine = assigned.find((d) => d.SerialNumber === serial)!;
    assert.equal(mine.User!.UserName, user);
    assert.equal(mine.User!.Arn, `arn:aws:iam::${ACCOUNT}:user/${user}`);
    assert.ok(mine.EnableDate instanceof Date);
    assert.ok(!serials(assigned).includes(spare.serial));
    const unassigned = (await h.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices!;
    assert.ok(serials(unassigned).includes(spare.serial) && !serials(unassigned).includes(serial));
    const spareOut = unassigned.find((d) => d.SerialNumber === spare.serial)!;
    assert.deepEqual(spareOut, { SerialNumber: spare.serial });
    const any = serials((await h.iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices!);
    assert.ok(any.includes(serial) && any.includes(spare.serial));
  });

  it("paginates ListVirtualMFADevices and rejects a bad Marker", async () => {
    await newDevice();
    await newDevice();
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1, Marker }));
      assert.equal(page.VirtualMFADevices!.length, 1);
      seen.push(page.VirtualMFADevices![0].SerialNumber!);
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    const all = (await h.iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices!.map((d) => d.SerialNumber!);
    assert.deepEqual(seen, all);
    const bad = await awsError(h.iam.send(new ListVirtualMFADevicesCommand({ Marker: "invalid-marker-value" })));
    assert.deepEqual(bad, { name: "ValidationError", message: "Invalid Marker.", status: 400 });
  });

  it("deactivates only for the device's user, then deletes, with DeleteConflict while in use", async () => {
    const { user, serial } = await enabled();
    const other = await newUser();
    const wrongUser = await awsError(h.iam.send(new DeactivateMFADeviceCommand({ UserName: other, SerialNumber: serial })));
    assert.deepEqual(wrongUser, { name: "NoSuchEntityException", message: "MFA Device invalid for user.", status: 404 });
    const inUse = await awsError(h.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })));
    assert.deepEqual(inUse, { name: "DeleteConflictException", message: "MFA VirtualDevice in use. Must deactivate first.", status: 409 });
    const userConflict = await awsError(h.iam.send(new DeleteUserCommand({ UserName: user })));
    assert.equal(userConflict.message, "Cannot delete entity, must delete MFA device first.");
    await h.iam.send(new DeactivateMFADeviceCommand({ UserName: user, SerialNumber: serial }));
    assert.deepEqual((await h.iam.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices, []);
    const unassigned = (await h.iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices!;
    assert.ok(unassigned.some((d) => d.SerialNumber === serial));
    await h.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    const gone = await awsError(h.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })));
    assert.deepEqual(gone, {
      name: "NoSuchEntityException",
      message: `MFA Device with serial number ${serial} does not exist.`,
      status: 404,
    });
    const deactivateGone = await awsError(h.iam.send(new DeactivateMFADeviceCommand({ UserName: user, SerialNumber: serial })));
    assert.equal(deactivateGone.message, `MFA Device with serial number ${serial} does not exist.`);
    await h.iam.send(new DeleteUserCommand({ UserName: user }));
  });

  it("resyncs with fresh consecutive codes and rejects wrong ones", async () => {
    const { user, serial, seed } = await enabled();
    await h.iam.send(new ResyncMFADeviceCommand({ UserName: user, SerialNumber: serial, ...codesFor(seed) }));
    const { AuthenticationCode1 } = codesFor(seed);
    const e = await awsError(
      h.iam.send(
        new ResyncMFADeviceCommand({ UserName: user, SerialNumber: serial, AuthenticationCode1, AuthenticationCode2: AuthenticationCode1 }),
      ),
    );
    assert.equal(e.name, "InvalidAuthenticationCodeException");
  });

  it("lets an IAM user list its own devices without a UserName; root has none of its own", async () => {
    const { user, serial } = await enabled();
    const ownDevices = { Effect: "Allow", Action: "iam:ListMFADevices", Resource: "arn:aws:iam::*:user/${aws:username}" };
    const PolicyDocument = JSON.stringify({ Version: "2012-10-17", Statement: [ownDevices] });
    await h.iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: "own-devices", PolicyDocument }));
    const { AccessKey } = await h.iam.send(new CreateAccessKeyCommand({ UserName: user }));
    const { iam } = h.client(AccessKey!.AccessKeyId!, AccessKey!.SecretAccessKey!);
    const own = await iam.send(new ListMFADevicesCommand({}));
    assert.deepEqual(
      own.MFADevices!.map((d) => d.SerialNumber),
      [serial],
    );
    assert.deepEqual((await h.iam.send(new ListMFADevicesCommand({}))).MFADevices, []);
    const rootGet = await awsError(h.iam.send(new GetMFADeviceCommand({ SerialNumber: serial })));
    assert.equal(rootGet.message, "MFA Device invalid for user.");
  });

  it("tags, lists and untags a device; unknown devices are NoSuchEntity", async () => {
    const { serial } = await newDevice();
    await h.iam.send(
      new TagMFADeviceCommand({
        SerialNumber: serial,
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
      }),
    );
    await h.iam.send(new UntagMFADeviceCommand({ SerialNumber: serial, TagKeys: ["A"] }));
    const { Tags, IsTruncated } = await h.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }));
    assert.deepEqual([Tags, IsTruncated], [[{ Key: "b", Value: "2" }], false]);
    const missing = `arn:aws:iam::${ACCOUNT}:mfa/nobody-device`;
    const e = await awsError(h.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: missing })));
    assert.deepEqual(e, {
      name: "NoSuchEntityException",
      message: `MFA Device with serial number ${missing} does not exist.`,
      status: 404,
    });
  });
});
