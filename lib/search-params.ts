// Reading Next's searchParams prop: shared by the digest, sign-in and settings pages.
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
