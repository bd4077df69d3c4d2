import { Fragment } from "react";

/**
 * An ARN or URL that wraps after its separators (`/ : ? & =`) instead of mid-word (Cloudscape's inline copy text breaks
 * anywhere); only a part longer than the whole line still breaks inside. Copying the text copies it unchanged.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[/:?&=])/);
  return (
    <span style={{ wordBreak: "normal", overflowWrap: "anywhere" }}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
