import { redirect } from "next/navigation";

export default function OrganizationsPage() {
  redirect("/organizations/accounts");
}
