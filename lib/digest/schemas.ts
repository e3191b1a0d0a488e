import { z } from "zod";
import { Email } from "../auth/schemas";
import { TokenInput } from "./tokens";

export const Frequency = z.enum(["daily", "weekly"], { error: "Choose daily or weekly." });

export const SubscribeInput = z.object({ email: Email, frequency: Frequency });

export type SubscribeInput = z.output<typeof SubscribeInput>;

export const ConfirmInput = z.object({ token: TokenInput });
