/** The AWS console's starting point in the JSON policy editor. */
export const POLICY_TEMPLATE = `{
\t"Version": "2012-10-17",
\t"Statement": [
\t\t{
\t\t\t"Sid": "Statement1",
\t\t\t"Effect": "Allow",
\t\t\t"Action": [],
\t\t\t"Resource": []
\t\t}
\t]
}`;

export const WIZARD_STRINGS = {
  stepNumberLabel: (n: number) => `Step ${n}`,
  collapsedStepsLabel: (n: number, total: number) => `Step ${n} of ${total}`,
  skipToButtonLabel: (step: { title: string }) => `Skip to ${step.title}`,
  navigationAriaLabel: "Steps",
  cancelButton: "Cancel",
  previousButton: "Previous",
  nextButton: "Next",
  submitButton: "Create policy",
  optional: "optional",
};
