import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { errorResponse, ServiceError } from "./errors";
import { requirePrincipal, roleSessionEndedOr } from "./session";
import type { Principal } from "./principal";
import { invalidateListSnapshots } from "./services/list-snapshot";

type Ctx<I> = { principal: Principal; input: I; params: Record<string, string>; search: URLSearchParams };
type RouteContext = { params: Promise<Record<string, string>> };
type RouteOptions = { allowPasswordReset?: boolean };

/** Field errors keyed by the form field's path, as the forms show them. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}

function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.get("host");
  } catch {
    return false;
  }
}

/**
 * Every route handler: authenticate the principal, refuse cross-site writes, parse the input with its zod schema
 * (query string for GET, JSON body otherwise), run one service call, map errors in one place. Sessions that must
 * reset their password reach only the routes that opt in (`allowPasswordReset`).
 */
export function route<S extends z.ZodType | null>(
  schema: S,
  fn: (ctx: Ctx<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<unknown>,
  options: RouteOptions = {},
) {
  return async (req: NextRequest, context: RouteContext) => {
    try {
      const principal = await requirePrincipal();
      // As in AWS, a user whose password must be reset can do nothing else until it is changed.
      if (principal.passwordResetRequired && !options.allowPasswordReset) {
        throw new ServiceError("PasswordResetRequired", "You must change your password before you can continue.", 403);
      }
      if (req.method !== "GET" && !sameOrigin(req)) throw new ServiceError("Forbidden", "Cross-site requests are not allowed.", 403);
      let input: unknown = undefined;
      if (schema) {
        const raw = req.method === "GET" ? Object.fromEntries(req.nextUrl.searchParams) : await req.json().catch(() => ({}));
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          const errors = fieldErrors(parsed.error);
          throw new ServiceError("ValidationError", Object.values(errors)[0] ?? "Invalid input.", 422, errors);
        }
        input = parsed.data;
      }
      const params = await context.params;
      // Any write (even one that fails halfway) may change a list: the next page is read from IAM, not the snapshot.
      const write = req.method !== "GET";
      const result = await fn({ principal, input: input as never, params, search: req.nextUrl.searchParams }).finally(
        () => write && invalidateListSnapshots(principal.accountId),
      );
      return NextResponse.json(result ?? { ok: true });
    } catch (err) {
      return errorResponse(await roleSessionEndedOr(err));
    }
  };
}
