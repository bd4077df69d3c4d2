/** Who the console acts as, as the browser may see it (no credentials). */
export type Identity = {
  type: "root" | "user" | "assumed-role";
  arn: string;
  accountId: string;
  accountAlias?: string;
  userName?: string;
  passwordResetRequired?: boolean;
};
