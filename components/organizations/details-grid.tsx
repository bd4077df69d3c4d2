"use client";

import Box from "@cloudscape-design/components/box";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import type { ReactNode } from "react";

/** A details panel: label over value, three to a row, as AWS's console shows a resource's details. */
export function DetailsGrid({ title, items }: { title: string; items: { label: string; value: ReactNode }[] }) {
  return (
    <Container header={<Header variant="h2">{title}</Header>}>
      <ColumnLayout columns={3} variant="text-grid">
        {items.map((i) => (
          <div key={i.label}>
            <Box variant="awsui-key-label">{i.label}</Box>
            <div>{i.value}</div>
          </div>
        ))}
      </ColumnLayout>
    </Container>
  );
}
