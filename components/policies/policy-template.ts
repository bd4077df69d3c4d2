/** The AWS console's starting point in the JSON policy editor, indented as each editor shows it. */
export const STARTER_POLICY = { Version: "2012-10-17", Statement: [{ Sid: "Statement1", Effect: "Allow", Action: [], Resource: [] }] };

export const POLICY_TEMPLATE = JSON.stringify(STARTER_POLICY, null, "\t");

export const INLINE_POLICY_TEMPLATE = JSON.stringify(STARTER_POLICY, null, 2);
