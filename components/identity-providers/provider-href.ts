/** A provider's detail page: its ARN holds slashes, so it travels in the query string. */
export const providerHref = (arn: string) => `/identity-providers/details?arn=${encodeURIComponent(arn)}`;

/** "Assign role": the role wizard, with this provider chosen on its trusted-entity step. */
export const assignRoleHref = (arn: string) => `/roles/create?provider=${encodeURIComponent(arn)}`;
