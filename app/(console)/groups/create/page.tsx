import { CreateGroupForm } from "@/components/groups/create-group-form";

export default function CreateGroupPage() {
  return <CreateGroupForm />;
}
