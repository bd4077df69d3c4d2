"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";

/** GenerateServiceLastAccessedDetails isn't implemented by local-aws, so the tab explains instead of failing. */
export function AccessAdvisorTab(props: { description: string; unavailable: string }) {
  return (
    <Container header={<Header variant="h2">Allowed services</Header>}>
      <SpaceBetween size="s">
        <Box>{props.description}</Box>
        <Alert type="info" header={props.unavailable} data-testid="access-advisor-unavailable">
          Service last accessed information (GenerateServiceLastAccessedDetails) is not implemented by local-aws, so there is no access
          activity to show.
        </Alert>
      </SpaceBetween>
    </Container>
  );
}
