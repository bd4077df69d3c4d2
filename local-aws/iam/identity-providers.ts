import type { Handlers } from "../context";
import { oidcProvidersHandlers } from "./oidc-providers";
import { samlProvidersHandlers } from "./saml-providers";

export const identityProvidersHandlers: Handlers = { ...oidcProvidersHandlers, ...samlProvidersHandlers };
