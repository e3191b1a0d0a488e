"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import type { Me } from "@/app/api/me/route";

export type { Me };

export const ME_KEY = ["me"] as const;

/** Who is reading, from /api/me: the cached pages do not know. `undefined` while it loads. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    // Fetched once per page load, and again after each navigation (useRefreshMeOnNavigation).
    staleTime: Infinity,
    queryFn: async (): Promise<Me> => {
      const response = await fetch("/api/me", { headers: { accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error(`Could not tell who you are (${response.status}).`);
      return response.json();
    },
  });
}

/**
 * Signing in or out ends in a client-side navigation, not a page load, so whoever is reading may
 * have changed: ask again whenever the path changes (the first render already asked).
 */
export function useRefreshMeOnNavigation() {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [pathname, queryClient]);
}
