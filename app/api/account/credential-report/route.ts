import { route } from "@/lib/server/route";
import { getCredentialReportFindings } from "@/lib/server/services/account-credential-report";

export const GET = route(null, ({ principal }) => getCredentialReportFindings({ principal }));
