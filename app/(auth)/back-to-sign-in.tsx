
/** The way back from the email-link pages to the sign-in form. */
export function BackToSignIn() {
  return (
    <p className="text-sm">
      <a href="/signin" className="font-medium text-accent-700 underline dark:text-accent-300">
        Back to sign in
      </a>
    </p>
  );
}
