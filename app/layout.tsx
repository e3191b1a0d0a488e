import type { Metadata, Viewport } from "next";
import "katex/dist/katex.min.css";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { Providers } from "@/components/providers";
import { siteFeedAlternates } from "@/lib/feeds/alternates";
import { configuredOrigin } from "@/lib/site-url";

// Nothing here may depend on the request: the public pages under this layout are cached and
// served to everyone. The origin for absolute links is the configured one, read without the
// full environment check, because static pages render this at build time, when no secret exists.
export function generateMetadata(): Metadata {
  return {
    title: { default: "Paperboard — daily research papers", template: "%s · Paperboard" },
    description: "The research papers worth reading today, surfaced and discussed by the community.",
    // Feed links must be absolute; Next would otherwise resolve them against localhost.
    metadataBase: new URL(configuredOrigin({ SITE_URL: process.env.SITE_URL, AUTH_URL: process.env.AUTH_URL })),
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
