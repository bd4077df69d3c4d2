import type { WizardProps } from "@cloudscape-design/components/wizard";

/** The Wizard's labels, as the AWS console words them. */
export const WIZARD_STRINGS: WizardProps.I18nStrings = {
  stepNumberLabel: (n) => `Step ${n}`,
  collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
  skipToButtonLabel: (step) => `Skip to ${step.title}`,
  navigationAriaLabel: "Steps",
  cancelButton: "Cancel",
  previousButton: "Previous",
  nextButton: "Next",
  optional: "optional",
};
