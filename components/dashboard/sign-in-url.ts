/** The console's sign-in page with the account filled in, as AWS's https://<alias>.signin.aws.amazon.com/console. */
export const signInUrl = (consoleOrigin: string, account: string) => `${consoleOrigin}/signin?account=${account}`;

export const formatAccountId = (id: string) => id.replace(/^(\d{4})(\d{4})(\d{4})$/, "$1-$2-$3");
