import { z } from "zod";

// PostgreSQL text cannot hold U+0000: a NUL in input fails the query, which readers would see as
// "something went wrong". Refusing it up front gives a clear 400 instead.

export const NUL_MESSAGE = "Remove the NUL character (U+0000) from this text.";

export const hasNoNul = (value: string) => !value.includes("\u0000");

/** A string that PostgreSQL can store. */
export const pgText = () => z.string().refine(hasNoNul, NUL_MESSAGE);
