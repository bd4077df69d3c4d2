import Box from "@cloudscape-design/components/box";
import StatusIndicator from "@cloudscape-design/components/status-indicator";

/** A console route's loading state (its loading.tsx), shown at once on navigation while the page is on its way. */
export function PageLoading() {
  return (
    <Box padding={{ vertical: "xxxl" }} textAlign="center" data-testid="page-loading">
      <StatusIndicator type="loading">Loading</StatusIndicator>
    </Box>
  );
}
