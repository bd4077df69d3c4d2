import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { AwsError, deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity, validationError } from "../protocol/errors";
import {
  arn,
  arrayPage,
  deleteAllTags,
  getUser,
  iso,
  keysetPage,
  listTags,
  pageOut,
  putTags,
  removeTags,
  userOrCaller,
  type Tag,
  type UserRow,
} from "./shared";
import { userOut } from "./users";
import { consecutiveCodesMatch, newSeed } from "./totp";
import { qrPng } from "./qr-png";

type DeviceRow = {
  serial_number: string;
  name: string;
  path: string;
  seed: string;
  user_id: string | null;
  enable_date: string | null;
  create_date: string;
};

const MFA_DEVICES_PER_USER = 8;
const ENABLE_DRIFT_STEPS = 2;
const RESYNC_DRIFT_STEPS = 10;

const findDevice = (ctx: Ctx, serial: string) =>
  sql(ctx.db, "SELECT * FROM mfa_devices WHERE serial_number = ? AND account_id = ?").get(serial, ctx.accountId) as DeviceRow | undefined;

function getDevice(ctx: Ctx, serial: string): DeviceRow {
  const d = findDevice(ctx, serial);
  if (!d) throw noSuchEntity(`MFA Device with serial number ${serial} does not exist.`);
  return d;
}

/** The device enabled for `user` (null: the root, which has no devices managed through this API). */
function userDevice(ctx: Ctx, user: UserRow | null, serial: string): DeviceRow {
  const d = getDevice(ctx, serial);
  if (!user || d.user_id !== user.user_id) throw noSuchEntity("MFA Device invalid for user.");
  return d;
}

function checkCodes(d: DeviceRow, code1: string, code2: string, now: Date, drift: number): void {
  if (!consecutiveCodesMatch(d.seed, code1, code2, now, drift)) {
    throw new AwsError("InvalidAuthenticationCode", "Authentication code for device is not valid.", 403);
  }
}

const userOf = (ctx: Ctx, userId: string) => sql(ctx.db, "SELECT * FROM users WHERE user_id = ?").get(userId) as UserRow;

const mfaDeviceOut = (d: DeviceRow, u: UserRow) => ({
  UserName: u.name,
  SerialNumber: d.serial_number,
  EnableDate: new Date(d.enable_date!),
});

type Codes = { UserName: string; SerialNumber: string; AuthenticationCode1: string; AuthenticationCode2: string };

export const mfaHandlers: Handlers = {
  CreateVirtualMFADevice(input: { VirtualMFADeviceName: string; Path?: string; Tags?: Tag[] }, ctx) {
    const name = input.VirtualMFADeviceName;
    if (sql(ctx.db, "SELECT 1 FROM mfa_devices WHERE account_id = ? AND lower(name) = ?").get(ctx.accountId, name.toLowerCase())) {
      throw entityAlreadyExists("MFADevice entity at the same path and name already exists.");
    }
    const path = input.Path ?? "/";
    const serial = arn(ctx, "mfa", path, name);
    if (serial.length > 256) {
      throw validationError(
        `1 validation error detected: Value '${serial}' at 'serialNumber' failed to satisfy constraint: Member must have length less than or equal to 256`,
      );
    }
    const seed = newSeed();
    sql(ctx.db, "INSERT INTO mfa_devices (serial_number, account_id, name, path, seed, create_date) VALUES (?, ?, ?, ?, ?, ?)").run(
      serial,
      ctx.accountId,
      name,
      path,
      seed,
      iso(ctx.now),
    );
    putTags(ctx, "mfa", serial, input.Tags);
    const tags = listTags(ctx, "mfa", serial);
    return {
      VirtualMFADevice: {
        SerialNumber: serial,
        Base32StringSeed: Buffer.from(seed),
        QRCodePNG: qrPng(`otpauth://totp/${name}@${ctx.accountId}?secret=${seed}`),
        ...(tags.length ? { Tags: tags } : {}),
      },
    };
  },

  DeleteVirtualMFADevice(input: { SerialNumber: string }, ctx) {
    const d = getDevice(ctx, input.SerialNumber);
    if (d.user_id) throw deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
    sql(ctx.db, "DELETE FROM mfa_devices WHERE serial_number = ?").run(d.serial_number);
    deleteAllTags(ctx, "mfa", d.serial_number);
  },

  /** AWS asks for two consecutive codes, proving the device's clock and seed agree with ours. */
  EnableMFADevice(input: Codes, ctx) {
    const u = getUser(ctx, input.UserName);
    const d = getDevice(ctx, input.SerialNumber);
    if (d.user_id) throw entityAlreadyExists("MFA Device is already in use.");
    const count = sql(ctx.db, "SELECT COUNT(*) AS n FROM mfa_devices WHERE user_id = ?").get(u.user_id) as { n: number };
    if (count.n >= MFA_DEVICES_PER_USER) throw limitExceeded(`Cannot exceed quota for MFADevicesPerUser: ${MFA_DEVICES_PER_USER}`);
    checkCodes(d, input.AuthenticationCode1, input.AuthenticationCode2, ctx.now, ENABLE_DRIFT_STEPS);
    sql(ctx.db, "UPDATE mfa_devices SET user_id = ?, enable_date = ? WHERE serial_number = ?").run(
      u.user_id,
      iso(ctx.now),
      d.serial_number,
    );
  },

  ResyncMFADevice(input: Codes, ctx) {
    const d = userDevice(ctx, getUser(ctx, input.UserName), input.SerialNumber);
    checkCodes(d, input.AuthenticationCode1, input.AuthenticationCode2, ctx.now, RESYNC_DRIFT_STEPS);
  },

  DeactivateMFADevice(input: { UserName?: string; SerialNumber: string }, ctx) {
    const d = userDevice(ctx, userOrCaller(ctx, input.UserName), input.SerialNumber);
    sql(ctx.db, "UPDATE mfa_devices SET user_id = NULL, enable_date = NULL WHERE serial_number = ?").run(d.serial_number);
  },

  GetMFADevice(input: { UserName?: string; SerialNumber: string }, ctx) {
    const u = userOrCaller(ctx, input.UserName);
    return mfaDeviceOut(userDevice(ctx, u, input.SerialNumber), u!);
  },

  ListMFADevices(input: { UserName?: string; Marker?: string; MaxItems?: number }, ctx) {
    const u = userOrCaller(ctx, input.UserName);
    const rows = u
      ? (sql(ctx.db, "SELECT * FROM mfa_devices WHERE user_id = ? ORDER BY enable_date, serial_number").all(u.user_id) as DeviceRow[])
      : [];
    return pageOut(arrayPage(input, rows), "MFADevices", (d) => mfaDeviceOut(d, u!));
  },

  ListVirtualMFADevices(input: { AssignmentStatus?: "Assigned" | "Unassigned" | "Any"; Marker?: string; MaxItems?: number }, ctx) {
    const filter = { Assigned: "AND user_id IS NOT NULL", Unassigned: "AND user_id IS NULL", Any: "" }[input.AssignmentStatus ?? "Any"];
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(ctx.db, `SELECT * FROM mfa_devices WHERE account_id = ? ${filter} AND serial_number > ? ORDER BY serial_number LIMIT ?`).all(
          ctx.accountId,
          after,
          limit,
        ) as DeviceRow[],
      (d) => d.serial_number,
    );
    return pageOut(page, "VirtualMFADevices", (d) => ({
      SerialNumber: d.serial_number,
      ...(d.user_id ? { User: userOut(userOf(ctx, d.user_id)), EnableDate: new Date(d.enable_date!) } : {}),
    }));
  },

  TagMFADevice(input: { SerialNumber: string; Tags: Tag[] }, ctx) {
    putTags(ctx, "mfa", getDevice(ctx, input.SerialNumber).serial_number, input.Tags);
  },

  UntagMFADevice(input: { SerialNumber: string; TagKeys: string[] }, ctx) {
    removeTags(ctx, "mfa", getDevice(ctx, input.SerialNumber).serial_number, input.TagKeys);
  },

  ListMFADeviceTags(input: { SerialNumber: string; Marker?: string; MaxItems?: number }, ctx) {
    return pageOut(arrayPage(input, listTags(ctx, "mfa", getDevice(ctx, input.SerialNumber).serial_number)), "Tags", (t) => t);
  },
};
