// Cloudscape's English messages (i18n/messages/all.en.js, given to the I18nProvider on every page) cover every
// component it has. This loader drops the namespaces of components Clef never renders, directly or through another
// component (test/unit/cloudscape-messages.test.ts checks both), about 3 kB gzip of every page. The others are kept
// byte for byte.
const UNUSED = [
  "s3-resource-selector",
  "tag-editor",
  "property-filter",
  "code-editor",
  "annotation-context",
  "file-upload",
  "file-token-group",
  "prompt-input",
  "date-picker",
  "pie-chart",
  "slider",
  "tree-view",
  "cards",
];
const PREFIX = "export default ";

function cloudscapeMessagesUsed(source) {
  if (!source.startsWith(PREFIX))
    throw new Error("@cloudscape-design/components/i18n/messages/all.en.js changed: update scripts/turbopack/cloudscape-messages-used.cjs");
  const messages = JSON.parse(source.slice(PREFIX.length).replace(/;\s*$/, ""));
  const en = messages["cloudscape-design-components"].en;
  for (const namespace of UNUSED) delete en[namespace];
  return PREFIX + JSON.stringify(messages) + ";\n";
}

module.exports = cloudscapeMessagesUsed;
module.exports.UNUSED = UNUSED;
