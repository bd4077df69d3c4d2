"use client";

import Spinner from "@cloudscape-design/components/spinner";

export default function Loading() {
  return <Spinner size="large" />;
}
