"use client";

export type Failure = { name: string; code: string; message: string; details?: string[] };

/** One line per failed item with AWS's code and message verbatim (and the dependency that failed, if any). */
export function FailureList({ failures }: { failures: Failure[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="failure-list">
      {failures.map((f) => (
        <li key={f.name}>
          <strong>{f.name}</strong>: {f.code}: {f.message}
          {f.details?.map((d) => (
            <div key={d} style={{ whiteSpace: "pre-wrap" }}>
              {d}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
