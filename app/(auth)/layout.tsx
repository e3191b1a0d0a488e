export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-4 sm:py-10">{children}</div>;
}
