import "server-only";
import { NextResponse } from "next/server";

/** A failure with a code: AWS's own (passed through verbatim) or the console's (Unauthorized, ValidationError). */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = () => new ServiceError("Unauthorized", "Your session has ended. Sign in again.", 401);

type SdkError = { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: string };

/** SDK exceptions become ServiceErrors with AWS's code, message and status; anything else is a generic 500. */
export function fromSdkError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  const e = err as SdkError;
  const status = e?.$metadata?.httpStatusCode;
  if (e && typeof e.name === "string" && status && e.$fault) {
    const code = e.name.replace(/Exception$/, "");
    if (code === "ExpiredToken" || code === "InvalidClientTokenId") return unauthorized();
    return new ServiceError(code, e.message ?? code, status);
  }
  console.error("clef: unexpected error", err instanceof Error ? err.message : "unknown");
  return new ServiceError("InternalError", "Something went wrong. Try again.", 500);
}

export function errorResponse(err: unknown): NextResponse {
  const e = fromSdkError(err);
  return NextResponse.json(
    { code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) },
    { status: e.status },
  );
}
