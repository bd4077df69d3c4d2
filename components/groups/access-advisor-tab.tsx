"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";

/** Service last accessed data needs CloudTrail-style activity that local-aws doesn't record, so this is a note only. */
export function AccessAdvisorTab() {
  return (
    <Container header={<Header variant="h2">Allowed services</Header>}>
      <SpaceBetween size="s">
        <Box>
          Access Advisor shows the services that this group&apos;s permissions allow and when its members last accessed them. Use
          it to remove permissions that are not used.
        </Box>
        <Alert type="info" header="Not available in this console">
          Service last accessed information (GenerateServiceLastAccessedDetails) is not implemented by local-aws, so there is no
          access activity to show.
        </Alert>
      </SpaceBetween>
    </Container>
  );
}
