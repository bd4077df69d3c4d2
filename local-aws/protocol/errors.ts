export type ErrorType = "Sender" | "Receiver";

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: ErrorType = status >= 500 ? "Receiver" : "Sender",
    /** JSON protocol errors that carry a Reason (Organizations' ConstraintViolationException, InvalidInputException...). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export const noSuchEntity = (message: string) => new AwsError("NoSuchEntity", message, 404);
export const entityAlreadyExists = (message: string) => new AwsError("EntityAlreadyExists", message, 409);
export const limitExceeded = (message: string) => new AwsError("LimitExceeded", message, 409);
export const deleteConflict = (message: string) => new AwsError("DeleteConflict", message, 409);
export const invalidInput = (message: string) => new AwsError("InvalidInput", message, 400);
export const malformedPolicy = (message: string) => new AwsError("MalformedPolicyDocument", message, 400);
export const validationError = (message: string) => new AwsError("ValidationError", message, 400);
export const accessDenied = (message: string) => new AwsError("AccessDenied", message, 403);
export const unmodifiable = (message: string) => new AwsError("UnmodifiableEntity", message, 400);
export const passwordPolicyViolation = (message: string) => new AwsError("PasswordPolicyViolation", message, 400);
export const concurrentModification = (message: string) => new AwsError("ConcurrentModification", message, 409);

export const serviceFailure = () =>
  new AwsError("ServiceFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);

export function errorXml(err: AwsError, xmlns: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${xmlns}">\n  <Error>\n    <Type>${err.type}</Type>\n` +
    `    <Code>${escapeXml(err.code)}</Code>\n` +
    (err.message ? `    <Message>${escapeXml(err.message)}</Message>\n` : "") +
    `  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;" };

/**
 * Text content as AWS writes it (quotes stay literal; CR as a reference, or parsers read it back as LF). Characters
 * XML 1.0 forbids even as references become U+FFFD, so botocore's expat parser still reads the document.
 */
export function escapeXml(s: string): string {
  // Most values have nothing to replace: a test without a callback per match is twice as fast as the replace.
  return ESCAPED.test(s) ? s.replace(ESCAPED_ALL, (c) => ENTITIES[c] ?? "\uFFFD") : s;
}

// eslint-disable-next-line no-control-regex -- these control characters are exactly what must be replaced
const ESCAPED = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPED_ALL = new RegExp(ESCAPED.source, "g");
