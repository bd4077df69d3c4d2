import { EditPolicyForm } from "@/components/policies/edit-policy-form";
import { arnFromSegment } from "@/components/policies/policy-labels";

export default async function EditPolicyPage({ params }: { params: Promise<{ arn: string }> }) {
  const { arn } = await params;
  return <EditPolicyForm policyArn={arnFromSegment(arn)} />;
}
