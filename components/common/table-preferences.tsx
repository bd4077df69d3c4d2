"use client";

import Button from "@cloudscape-design/components/button";
import dynamic from "next/dynamic";

/**
 * A table's Preferences cog. Cloudscape's CollectionPreferences brings its modal and a drag-and-drop library (column
 * reordering) with it, so it loads just after the page, standing in as a cog drawn like its own until then.
 */
export const TablePreferences = dynamic(() => import("./table-preferences-modal").then((m) => m.TablePreferencesModal), {
  ssr: false,
  loading: () => <Button variant="icon" iconName="settings" ariaLabel="Preferences" />,
});
