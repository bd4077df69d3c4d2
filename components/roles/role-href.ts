/** A role's console pages, under /roles/details/ as in the AWS console (so a role may be named "create"). */
export const roleHref = (roleName: string, sub = "") => `/roles/details/${encodeURIComponent(roleName)}${sub}`;
