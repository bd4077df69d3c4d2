/** A managed policy's name and type read from its ARN (arn:aws:iam::aws:policy/... is AWS managed). */
export const policyNameOf = (arn: string) => arn.split("/").pop() ?? arn;
export const policyTypeOf = (arn: string) => (arn.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed");
