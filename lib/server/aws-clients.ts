import "server-only";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import { serverEnv } from "./env";
import type { Principal } from "./principal";

function options(principal: Pick<Principal, "credentials">) {
  const { endpoint, region } = serverEnv();
  const { accessKeyId, secretAccessKey, sessionToken } = principal.credentials;
  return { region, maxAttempts: 2, credentials: { accessKeyId, secretAccessKey, sessionToken }, ...(endpoint ? { endpoint } : {}) };
}

/** SDK clients acting as the signed-in principal: AWS (or local-aws) decides what they may do. */
export const iamClient = (principal: Pick<Principal, "credentials">) => new IAMClient(options(principal));
export const stsClient = (principal: Pick<Principal, "credentials">) => new STSClient(options(principal));
export const organizationsClient = (principal: Pick<Principal, "credentials">) => new OrganizationsClient(options(principal));
