import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "katex/dist/katex.min.css";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { Providers } from "@/components/providers";
import { getEnv } from "@/lib/env";
import { siteFeedAlternates } from "@/lib/feeds/alternates";
import { siteOrigin } from "@/lib/site-url";

export async function generateMetadata(): Promise<Metadata> {
  const requestHeaders = await headers(); // per request: the origin may come from the request
  return {
    title: { default: "Paperboard — daily research papers", template: "%s · Paperboard" },
    description: "The research papers worth reading today, surfaced and discussed by the community.",
    // Feed links must be absolute; Next would otherwise resolve them against localhost.
    metadataBase: new URL(siteOrigin(getEnv(), requestHeaders)),
    alternates: { types: siteFeedAlternates() },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
