"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import { useRouter } from "next/navigation";
import type { RoleDetail } from "@/lib/queries/roles";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { TrustPolicyView } from "./trust-policy-view";
import { TrustSummary } from "./trust-summary";
import { roleHref } from "./role-href";

/** Trust relationships: the trust policy read-only, and "Edit trust policy". */
export function RoleTrustTab({ role }: { role: RoleDetail }) {
  const router = useRouter();
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Entities that can assume this role under specified conditions."
          actions={
            <Button disabled={role.serviceLinked} onClick={() => router.push(roleHref(role.roleName, "/edit-trust-policy"))}>
              Edit trust policy
            </Button>
          }
        >
          Trusted entities
        </Header>
      }
    >
      <SpaceBetween size="m">
        <TrustSummary document={role.assumeRolePolicyDocument} accountId={role.accountId} />
        <TrustPolicyView document={role.assumeRolePolicyDocument} maxHeight={640} />
      </SpaceBetween>
    </Container>
  );
}
