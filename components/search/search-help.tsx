
/** What to type, shown when there is nothing to search for yet or nothing was found. */
export function SearchHelp() {
  return (
    <div className="flex flex-col gap-2 text-left text-sm">
      <p>Search looks at titles first, then authors, then abstracts. Try:</p>
      <ul className="flex list-disc flex-col gap-1 pl-5">
        <li>
          <Example q={`"graph neural network"`} /> — quotes for an exact phrase
        </li>
        <li>
          <Example q="transformer -vision" /> — <code>-word</code> to exclude a word
        </li>
        <li>
          <Example q="diffusion or flow matching" /> — <code>or</code> between alternatives
        </li>
        <li>
          <Example q="2401.12509" /> — an arXiv ID or link goes straight to the paper
        </li>
      </ul>
    </div>
  );
}

function Example({ q }: { q: string }) {
  return (
    <a href={`/search?${new URLSearchParams({ q })}`} className="font-mono text-accent-700 underline underline-offset-2 dark:text-accent-300">
      {q}
    </a>
  );
}
