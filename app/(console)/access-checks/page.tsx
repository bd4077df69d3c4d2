import { AccessChecksTable } from "@/components/access-checks/access-checks-table";

export default function AccessChecksPage() {
  return <AccessChecksTable />;
}
