
/** The way home from pages a reader lands on when they are done (signed out, account deleted). */
export function BackToTodaysPapers() {
  return (
    <p>
      <a href="/" className="text-accent-700 underline dark:text-accent-300">
        Back to today’s papers
      </a>
    </p>
  );
}
