import "server-only";

import type { Identity } from "@/lib/identity";

export type { Identity };

export type SessionCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration: number };

export type Principal = Identity & { credentials: SessionCredentials };
