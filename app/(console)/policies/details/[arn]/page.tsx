import { PolicyDetailPage } from "@/components/policies/policy-detail";
import { arnFromSegment } from "@/components/policies/policy-labels";

// [arn] is the policy ARN URL-encoded into one segment, as the AWS console's own policy URLs.
export default async function PolicyPage({ params }: { params: Promise<{ arn: string }> }) {
  const { arn } = await params;
  return <PolicyDetailPage policyArn={arnFromSegment(arn)} />;
}
