"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/queries/api";
import type { PasswordRules } from "@/lib/schemas/users";

/** The account password policy (null: AWS's default rules), to check a custom password as it is typed. */
export const usePasswordRules = () =>
  useQuery({
    queryKey: ["users", "password-rules"] as const,
    queryFn: () => api<{ policy: PasswordRules | null }>("/api/account-password-policy").then((r) => r.policy),
  });
