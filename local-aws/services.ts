import * as iamModel from "@aws-sdk/client-iam";
import * as organizationsModel from "@aws-sdk/client-organizations";
import * as stsModel from "@aws-sdk/client-sts";
import type { Handlers } from "./context";
import { AwsError } from "./protocol/errors";
import { iamHandlers } from "./iam";
import { organizationsHandlers } from "./organizations";
import { stsHandlers } from "./sts";

type Base = { name: string; model: Record<string, unknown>; handlers: Handlers };

/** IAM and STS speak the Query protocol: form parameters in, `<XResponse>` XML out. */
export type QueryService = Base & { protocol: "query"; version: string; xmlns: string };

/** Organizations speaks AWS JSON 1.1: `X-Amz-Target: <prefix>.<Action>`, a JSON body in and out. */
export type JsonService = Base & { protocol: "json"; targetPrefix: string };

export type Service = QueryService | JsonService;

export const services: Record<string, Service> = {
  iam: {
    name: "iam",
    protocol: "query",
    version: "2010-05-08",
    xmlns: "https://iam.amazonaws.com/doc/2010-05-08/",
    model: iamModel,
    handlers: iamHandlers,
  },
  sts: {
    name: "sts",
    protocol: "query",
    version: "2011-06-15",
    xmlns: "https://sts.amazonaws.com/doc/2011-06-15/",
    model: stsModel,
    handlers: stsHandlers,
  },
  organizations: {
    name: "organizations",
    protocol: "json",
    targetPrefix: "AWSOrganizationsV20161128",
    model: organizationsModel,
    handlers: organizationsHandlers,
  },
};

/** The service a credential scope names, or undefined for one local-aws does not serve. */
export const serviceFor = (scope: string): Service | undefined => (Object.hasOwn(services, scope) ? services[scope] : undefined);

type OperationSchema = [9, string, string, unknown, () => unknown, () => unknown];

/** The SDK's own operation schema (input and output shapes) for an action we implement. */
export function operation(service: Service, action: string): { input: unknown; output: unknown } | undefined {
  if (!Object.hasOwn(service.handlers, action)) return undefined;
  const op = service.model[`${action}$`] as OperationSchema | undefined;
  if (!Array.isArray(op) || op[0] !== 9) return undefined;
  return { input: op[4](), output: op[5]() };
}

/** A request signed for a service local-aws does not serve, answered as AWS's IAM endpoint would. */
export const unknownService = () => new AwsError("SignatureDoesNotMatch", "Credential should be scoped to correct service: 'iam'. ", 403);
