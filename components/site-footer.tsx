export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      Paperboard — open-source daily research papers. Metadata from{" "}
      <a className="underline hover:text-zinc-900 dark:hover:text-zinc-100" href="https://arxiv.org">
        arXiv
      </a>
      .
    </footer>
  );
}
