import { PageLoading } from "@/components/common/page-loading";

export default function Loading() {
  return <PageLoading />;
}
