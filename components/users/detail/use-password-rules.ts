"use client";

import { useMemo } from "react";
import { usePasswordPolicy } from "@/lib/queries/account";
import { passwordRules } from "../create/draft";

/**
 * The account password policy's rules, to check a custom password as it is typed: null is AWS's default policy (none
 * set, or the policy can't be read), undefined while loading. AWS has the last word when the password is sent.
 */
export function usePasswordRules() {
  const query = usePasswordPolicy();
  const source = query.isSuccess ? query.data.policy : query.isError ? null : undefined;
  const data = useMemo(() => passwordRules(source), [source]);
  return { data };
}
