import { ApiError } from "@/lib/queries/api";

/** Where ChangePassword's errors belong: AWS's password rule failures next to the new password, the rest above the form. */
export function changePasswordErrors(error: Error | null): { fields: Record<string, string>; message?: string } {
  if (!error) return { fields: {} };
  if (!(error instanceof ApiError)) return { fields: {}, message: error.message };
  if (error.fieldErrors) return { fields: error.fieldErrors };
  if (error.code === "PasswordPolicyViolation") return { fields: { newPassword: error.message } };
  if (error.code === "ValidationError" && error.message.includes("'newPassword'")) return { fields: { newPassword: error.message } };
  if (error.code === "ValidationError" && error.message.includes("'oldPassword'")) return { fields: { oldPassword: error.message } };
  return { fields: {}, message: error.message };
}
