// What a reader can say is wrong with a comment when flagging it for the moderators.
export const FLAG_REASONS = ["spam", "abuse", "off-topic", "other"] as const;

export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  spam: "Spam or advertising",
  abuse: "Abusive or harassing",
  "off-topic": "Off topic for this paper",
  other: "Something else a moderator should see",
};
