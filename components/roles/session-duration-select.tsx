"use client";

import Select from "@cloudscape-design/components/select";

const HOURS = Array.from({ length: 12 }, (_, i) => i + 1);

export const durationLabel = (seconds: number) =>
  seconds % 3600 === 0 ? `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}` : `${Math.round(seconds / 60)} minutes`;

/** Maximum session duration: 1 to 12 hours, as the console offers it (UpdateRole accepts 3,600-43,200 seconds). */
export function SessionDurationSelect({
  value,
  onChange,
  disabled,
}: {
  value: number;
  onChange: (seconds: number) => void;
  disabled?: boolean;
}) {
  const options = HOURS.map((h) => ({ value: String(h * 3600), label: durationLabel(h * 3600) }));
  const selected = options.find((o) => o.value === String(value)) ?? { value: String(value), label: durationLabel(value) };
  return (
    <Select
      selectedOption={selected}
      options={options}
      onChange={(e) => onChange(Number(e.detail.selectedOption.value))}
      disabled={disabled}
      ariaLabel="Maximum session duration"
      data-testid="max-session-duration"
    />
  );
}
