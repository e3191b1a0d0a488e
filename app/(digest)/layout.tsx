// Subscribing and unsubscribing: short single-purpose pages, in the narrow column the sign-in pages use.
export default function DigestLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto flex w-full max-w-md flex-col gap-6 py-4 sm:py-10">{children}</div>;
}
