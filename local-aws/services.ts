import * as iamModel from "@aws-sdk/client-iam";
import * as stsModel from "@aws-sdk/client-sts";
import type { Handlers } from "./context";
import { AwsError } from "./protocol/errors";
import { iamHandlers } from "./iam";
import { stsHandlers } from "./sts";

export type QueryService = {
  name: string;
  version: string;
  xmlns: string;
  model: Record<string, unknown>;
  handlers: Handlers;
};

export const queryServices: Record<string, QueryService> = {
  iam: { name: "iam", version: "2010-05-08", xmlns: "https://iam.amazonaws.com/doc/2010-05-08/", model: iamModel, handlers: iamHandlers },
  sts: { name: "sts", version: "2011-06-15", xmlns: "https://sts.amazonaws.com/doc/2011-06-15/", model: stsModel, handlers: stsHandlers },
};

type OperationSchema = [9, string, string, unknown, () => unknown, () => unknown];

/** The SDK's own operation schema (input and output shapes) for an action we implement. */
export function operation(service: QueryService, action: string): { input: unknown; output: unknown } | undefined {
  if (!Object.hasOwn(service.handlers, action)) return undefined;
  const op = service.model[`${action}$`] as OperationSchema | undefined;
  if (!Array.isArray(op) || op[0] !== 9) return undefined;
  return { input: op[4](), output: op[5]() };
}

/** A request signed for a service local-aws does not serve, answered as AWS's IAM endpoint would. */
export const unknownService = () => new AwsError("SignatureDoesNotMatch", "Credential should be scoped to correct service: 'iam'. ", 403);
