import { CreateUserWizard } from "@/components/users/create-user-wizard";

export default function CreateUserPage() {
  return <CreateUserWizard />;
}
