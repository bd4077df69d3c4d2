/** What a shared form needs of a react-query mutation that takes `V` (e.g. the tags, or the policy ARNs). */
export type FormMutation<V> = {
  mutate: (variables: V, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: Error | null;
};
