import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import { userKeys } from "./users";
import type { CreateUserInput } from "@/lib/schemas/users";
import type { CreatedUser } from "@/lib/server/services/users-write";

export type { CreatedUser };

export const createUser = (input: CreateUserInput) => api<CreatedUser>("/api/users", { method: "POST", body: input });

export const deleteUser = (userName: string) =>
  api<{ userName: string }>(`/api/users/${encodeURIComponent(userName)}`, { method: "DELETE" });

/** The result holds a password: gcTime 0 drops it from the mutation cache as soon as the wizard unmounts. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    gcTime: 0,
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}
