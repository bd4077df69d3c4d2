import type { IncomingHttpHeaders } from "node:http";
import type { JsonService, QueryService, Service } from "../services";
import { operation } from "../services";
import { AwsError, errorXml } from "./errors";
import { errorJson, JsonParseError, readJsonInput, writeJsonOutput } from "./json";
import { paramTree, QueryParseError, readInput, writeResponse } from "./query";
import { ConstraintError, type ConstraintKind } from "./validate";

/** The protocol layer's view of a request: what the service's wire format reads the action and input from. */
export type WireRequest = { url: URL; headers: IncomingHttpHeaders; body: Buffer };
export type Operation = { input: unknown; output: unknown };
export type Parsed = { action: string; op: Operation; input: Record<string, unknown> };
export type Reply = { status: number; type: string; body: string };

/** The action and its input, read as the service's protocol writes them (Query form parameters or a JSON 1.1 body). */
export const readRequest = (service: Service, req: WireRequest): Parsed =>
  service.protocol === "query" ? readQuery(service, req) : readJson(service, req);

export function okReply(service: Service, parsed: Parsed, output: Record<string, unknown> | undefined, requestId: string): Reply {
  if (service.protocol === "query") {
    return { status: 200, type: "text/xml", body: writeResponse(parsed.action, parsed.op.output, output, service.xmlns, requestId) };
  }
  return { status: 200, type: "application/x-amz-json-1.1", body: writeJsonOutput(parsed.op.output, output) };
}

export function errorReply(service: Service, err: AwsError, requestId: string): Reply {
  if (service.protocol === "query") return { status: err.status, type: "text/xml", body: errorXml(err, service.xmlns, requestId) };
  const e = jsonError(err);
  return { status: e.status, type: "application/x-amz-json-1.1", body: errorJson(e) };
}

function readQuery(service: QueryService, req: WireRequest): Parsed {
  const params = new URLSearchParams(req.url.search);
  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  if (req.body.length && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"))) {
    for (const [k, v] of new URLSearchParams(req.body.toString("utf8"))) params.append(k, v);
  }
  const action = params.get("Action");
  if (!action) throw new AwsError("MissingAction", "Missing Action", 400);
  const version = params.get("Version");
  const op = operation(service, action);
  if (!op || version !== service.version) {
    throw new AwsError("InvalidAction", `Could not find operation ${action} for version ${version ?? "NO_VERSION_SPECIFIED"}`, 400);
  }
  try {
    return { action, op, input: readInput(op.input, paramTree(params)) };
  } catch (err) {
    if (err instanceof QueryParseError) throw new AwsError("MalformedQueryString", err.message, 400);
    throw err;
  }
}

function readJson(service: JsonService, req: WireRequest): Parsed {
  const target = String(req.headers["x-amz-target"] ?? "");
  const dot = target.lastIndexOf(".");
  const action = dot > 0 && target.slice(0, dot) === service.targetPrefix ? target.slice(dot + 1) : "";
  const op = action ? operation(service, action) : undefined;
  if (!op) throw new AwsError("UnknownOperationException", "", 400);
  try {
    return { action, op, input: readJsonInput(op.input, req.body) };
  } catch (err) {
    if (err instanceof JsonParseError) throw new AwsError("SerializationException", err.message, 400);
    throw err;
  }
}

/** Organizations names its parameter errors InvalidInputException with a Reason (its model has no ValidationException). */
const INVALID_INPUT: Record<ConstraintKind, [reason: string, message: string]> = {
  required: ["INPUT_REQUIRED", "You must include a value for all required parameters."],
  "min-length": ["MIN_LENGTH_EXCEEDED", "You provided a string parameter that is shorter than allowed."],
  "max-length": ["MAX_LENGTH_EXCEEDED", "You provided a string parameter that is longer than allowed."],
  enum: ["INVALID_ENUM", "You specified an invalid value."],
  pattern: ["INVALID_PATTERN", "You provided a value that does not match the required pattern."],
  "min-value": ["MIN_VALUE_EXCEEDED", "You provided a numeric parameter that has a smaller value than allowed."],
  "max-value": ["MAX_VALUE_EXCEEDED", "You provided a numeric parameter that has a larger value than allowed."],
  integer: ["INVALID_PATTERN", "You provided a value that does not match the required pattern."],
};

/** The Query protocol's common errors, as AWS's JSON services name them (awsJson 1.1 convention). */
const JSON_NAMES: Record<string, [name: string, status: number]> = {
  AccessDenied: ["AccessDeniedException", 400],
  InvalidClientTokenId: ["UnrecognizedClientException", 400],
  SignatureDoesNotMatch: ["InvalidSignatureException", 400],
  IncompleteSignature: ["IncompleteSignatureException", 400],
  MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
  ExpiredToken: ["ExpiredTokenException", 400],
  RequestEntityTooLarge: ["RequestEntityTooLargeException", 413],
};

function jsonError(err: AwsError): AwsError {
  if (err instanceof ConstraintError) {
    const [reason, message] = INVALID_INPUT[err.kinds[0]];
    return new AwsError("InvalidInputException", message, 400, "Sender", reason);
  }
  if (err.status >= 500) {
    return new AwsError(
      "ServiceException",
      "Organizations can't complete your request because of an internal service error. Try again later.",
      500,
    );
  }
  const mapped = JSON_NAMES[err.code];
  return mapped ? new AwsError(mapped[0], err.message, mapped[1], err.type, err.reason) : err;
}
