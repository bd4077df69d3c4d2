/** The AWS console's common trusted services and their use cases (principal, what the role allows). */
export type ServiceUseCase = { id: string; label: string; description: string; principal: string; instanceProfile?: boolean };
export type TrustedService = { id: string; label: string; useCases: ServiceUseCase[] };

export const TRUSTED_SERVICES: TrustedService[] = [
  {
    id: "ec2",
    label: "EC2",
    useCases: [
      {
        id: "ec2",
        label: "EC2",
        description: "Allows EC2 instances to call AWS services on your behalf.",
        principal: "ec2.amazonaws.com",
        instanceProfile: true,
      },
    ],
  },
  {
    id: "lambda",
    label: "Lambda",
    useCases: [
      {
        id: "lambda",
        label: "Lambda",
        description: "Allows Lambda functions to call AWS services on your behalf.",
        principal: "lambda.amazonaws.com",
      },
    ],
  },
  {
    id: "ecs",
    label: "Elastic Container Service",
    useCases: [
      {
        id: "ecs-tasks",
        label: "Elastic Container Service Task",
        description: "Allows ECS tasks to call AWS services on your behalf.",
        principal: "ecs-tasks.amazonaws.com",
      },
      {
        id: "ecs",
        label: "Elastic Container Service",
        description: "Allows ECS to create and manage AWS resources on your behalf.",
        principal: "ecs.amazonaws.com",
      },
    ],
  },
  {
    id: "glue",
    label: "Glue",
    useCases: [
      { id: "glue", label: "Glue", description: "Allows Glue to call AWS services on your behalf.", principal: "glue.amazonaws.com" },
    ],
  },
  {
    id: "apigateway",
    label: "API Gateway",
    useCases: [
      {
        id: "apigateway",
        label: "API Gateway",
        description: "Allows API Gateway to push logs to CloudWatch Logs.",
        principal: "apigateway.amazonaws.com",
      },
    ],
  },
  {
    id: "states",
    label: "Step Functions",
    useCases: [
      {
        id: "states",
        label: "Step Functions",
        description: "Allows Step Functions to access AWS resources on your behalf.",
        principal: "states.amazonaws.com",
      },
    ],
  },
  {
    id: "cloudformation",
    label: "CloudFormation",
    useCases: [
      {
        id: "cloudformation",
        label: "CloudFormation",
        description: "Allows CloudFormation to create and manage AWS stacks and resources on your behalf.",
        principal: "cloudformation.amazonaws.com",
      },
    ],
  },
  {
    id: "codebuild",
    label: "CodeBuild",
    useCases: [
      {
        id: "codebuild",
        label: "CodeBuild",
        description: "Allows CodeBuild to call AWS services on your behalf.",
        principal: "codebuild.amazonaws.com",
      },
    ],
  },
  {
    id: "sagemaker",
    label: "SageMaker",
    useCases: [
      {
        id: "sagemaker",
        label: "SageMaker - Execution",
        description: "Allows SageMaker notebook instances, training jobs, and models to access S3, ECR, and CloudWatch on your behalf.",
        principal: "sagemaker.amazonaws.com",
      },
    ],
  },
];

export type WebIdentityProvider = { id: string; label: string; principal: string; audienceKey: string; audienceLabel: string };

export const WEB_IDENTITY_PROVIDERS: WebIdentityProvider[] = [
  {
    id: "cognito",
    label: "Amazon Cognito",
    principal: "cognito-identity.amazonaws.com",
    audienceKey: "cognito-identity.amazonaws.com:aud",
    audienceLabel: "Identity pool ID",
  },
  {
    id: "amazon",
    label: "Login with Amazon",
    principal: "www.amazon.com",
    audienceKey: "www.amazon.com:app_id",
    audienceLabel: "Application ID",
  },
  {
    id: "facebook",
    label: "Facebook",
    principal: "graph.facebook.com",
    audienceKey: "graph.facebook.com:app_id",
    audienceLabel: "Application ID",
  },
  { id: "google", label: "Google", principal: "accounts.google.com", audienceKey: "accounts.google.com:aud", audienceLabel: "Audience" },
];

/** A built-in web identity provider by id, or an IAM OpenID Connect provider by its ARN (its audience key is `<url>:aud`). */
export function webIdentityProvider(id: string): WebIdentityProvider {
  const builtIn = WEB_IDENTITY_PROVIDERS.find((p) => p.id === id);
  if (builtIn || !id.includes(":oidc-provider/")) return builtIn ?? WEB_IDENTITY_PROVIDERS[0];
  const url = id.slice(id.indexOf(":oidc-provider/") + ":oidc-provider/".length);
  return { id, label: url, principal: id, audienceKey: `${url}:aud`, audienceLabel: "Audience" };
}

export const SAML_ATTRIBUTES = ["SAML:aud", "SAML:iss", "SAML:sub", "SAML:sub_type", "SAML:namequalifier", "SAML:eduPersonAffiliation"];
export const SAML_CONSOLE_AUDIENCE = "https://signin.aws.amazon.com/saml";

export const findUseCase = (serviceId: string, useCaseId: string) =>
  TRUSTED_SERVICES.find((s) => s.id === serviceId)?.useCases.find((u) => u.id === useCaseId);
