import type { Handlers } from "../context";
import { noSuchEntity, validationError } from "../protocol/errors";

/**
 * Role templates are published by AWS services (arn:aws:iam::aws:role-template/SERVICE/NAME:MAJOR); AWS has published
 * no catalogue of them, so local-aws has none: every template ARN is answered as AWS answers one that does not exist.
 * The inputs are checked first, with the API reference's constraints (this machine's botocore model predates them).
 */

const TEMPLATE_ARN = /^arn:aws:iam::aws:role-template\/[^/]+\/[^/:]+:\d+$/;
const MAX_REPLACEMENT_VALUES = 30;

function checkArn(arn: string | undefined, member: string, errors: string[]): void {
  if (arn === undefined) errors.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  else if (arn.length < 20)
    errors.push(`Value '${arn}' at '${member}' failed to satisfy constraint: Member must have length greater than or equal to 20`);
  else if (arn.length > 2048)
    errors.push(`Value '${arn}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to 2048`);
}

function fail(errors: string[]): void {
  const n = errors.length;
  if (n) throw validationError(`${n} validation error${n > 1 ? "s" : ""} detected: ${errors.join("; ")}`);
}

function missingTemplate(arn: string, minor?: number): never {
  const which = minor === undefined ? arn : `${arn} (minor version ${minor})`;
  if (!TEMPLATE_ARN.test(arn))
    throw noSuchEntity(
      `The role template ${arn} cannot be found. Role template ARNs have the form arn:aws:iam::aws:role-template/SERVICE/NAME:MAJOR_VERSION.`,
    );
  throw noSuchEntity(`The role template ${which} cannot be found.`);
}

export const roleTemplateHandlers: Handlers = {
  GetRoleTemplateVersion(input: { TemplateArn?: string; MinorVersion?: number }) {
    const errors: string[] = [];
    checkArn(input.TemplateArn, "templateArn", errors);
    fail(errors);
    missingTemplate(input.TemplateArn!, input.MinorVersion);
  },

  AcquireRole(input: { TemplateArn?: string; TemplateMinorVersion?: number; ReplacementValues?: Record<string, unknown> }) {
    const errors: string[] = [];
    checkArn(input.TemplateArn, "templateArn", errors);
    const n = Object.keys(input.ReplacementValues ?? {}).length;
    if (n > MAX_REPLACEMENT_VALUES) {
      errors.push(
        `Value '{...}' at 'replacementValues' failed to satisfy constraint: Member must have length less than or equal to ${MAX_REPLACEMENT_VALUES}`,
      );
    }
    fail(errors);
    missingTemplate(input.TemplateArn!, input.TemplateMinorVersion);
  },
};
