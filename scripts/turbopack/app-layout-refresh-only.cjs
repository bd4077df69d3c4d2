// Cloudscape's AppLayout imports all three of its designs and picks one at run time. This build always renders the
// visual refresh (ALWAYS_VISUAL_REFRESH), and the toolbar design only inside the AWS console (a global flag it sets),
// yet the unused two, with the toolbar's drag-and-drop library, were ~30 kB gzip of every console page. This loader
// points those two imports at the refresh. Cloudscape is pinned: when it changes this file, the build stops here.
const TOOLBAR = "import ToolbarAppLayout from './visual-refresh-toolbar';";
const CLASSIC = "import ClassicAppLayout from './classic';";

module.exports = function appLayoutRefreshOnly(source) {
  if (!source.includes(TOOLBAR) || !source.includes(CLASSIC))
    throw new Error("@cloudscape-design/components/app-layout/internal.js changed: update scripts/turbopack/app-layout-refresh-only.cjs");
  return source
    .replace(TOOLBAR, "const ToolbarAppLayout = RefreshedAppLayout;")
    .replace(CLASSIC, "const ClassicAppLayout = RefreshedAppLayout;");
};
