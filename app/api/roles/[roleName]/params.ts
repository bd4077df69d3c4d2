/** Role names cannot contain '%', so decoding the segment once more is always safe. */
export const roleParams = (params: Record<string, string>) => ({ roleName: decodeURIComponent(params.roleName) });
